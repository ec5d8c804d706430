/// One place a request can go: a provider, the model name it knows, and the combo tier it belongs to.
struct RouteTarget: Sendable {
    var provider: ProviderConfig
    var upstreamModel: String
    var tier: String?

    /// `provider/model`, as clients write it.
    var name: String { "\(provider.id)/\(upstreamModel)" }
}
