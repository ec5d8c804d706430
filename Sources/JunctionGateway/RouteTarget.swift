import JunctionProviders

/// One place a request can go: a provider and the model name it knows.
struct RouteTarget: Sendable {
    var provider: ProviderConfig
    var upstreamModel: String

    /// `provider/model`, as clients write it.
    var name: String { "\(provider.id)/\(upstreamModel)" }
}

/// Why a model string could not be routed.
struct UnknownModel: Error {
    var model: String
}

/// Turns the client's model string into the targets to try, in order.
///
/// `provider/model` is one target; a combo name is its targets in order.
struct RoutePlanner: Sendable {
    let config: JunctionConfig

    func targets(for model: String) throws(UnknownModel) -> [RouteTarget] {
        if let combo = config.combo(named: model) {
            return combo.targets.compactMap(target(for:))
        }
        guard let target = target(for: model) else { throw UnknownModel(model: model) }
        return [target]
    }

    private func target(for model: String) -> RouteTarget? {
        guard let slash = model.firstIndex(of: "/") else { return nil }
        let providerID = String(model[..<slash])
        let upstreamModel = String(model[model.index(after: slash)...])
        guard !upstreamModel.isEmpty, let provider = config.provider(id: providerID) else { return nil }
        guard provider.models.isEmpty || provider.models.contains(upstreamModel) else { return nil }
        return RouteTarget(provider: provider, upstreamModel: upstreamModel)
    }

    /// Every routable model name: each listed `provider/model`, then each combo.
    var modelNames: [String] {
        config.providers.flatMap { provider in provider.models.map { "\(provider.id)/\($0)" } } + config.combos.map(\.name)
    }
}
