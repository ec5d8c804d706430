import JunctionProviders
import JunctionTranslate
import JunctionWire

/// What every attempt of one client request shares: the client's format and body (after the saver),
/// and the canonical conversation when some target speaks another format.
struct Exchange: Sendable {
    let clientFormat: APIFormat
    let body: JSONValue
    let model: String
    let stream: Bool
    let clientWantsUsage: Bool
    /// Decoded once, before the first attempt, when any target needs translation.
    var canonical: CanonicalRequest?
    let forwardedHeaders: [String: String]

    /// Whether a target of `format` gets the client's body as it is (only the model changes).
    func isPassthrough(to format: APIFormat) -> Bool { format == clientFormat }

    /// The request for one target and account: passthrough keeps the client's JSON tree; otherwise the
    /// canonical conversation is encoded in the provider's format.
    func upstreamRequest(for target: RouteTarget, account: Int?) throws -> UpstreamRequest {
        let provider = target.provider
        let body = try upstreamBody(format: provider.format, model: target.upstreamModel)
        return UpstreamRequest(
            url: ProviderEndpoint.url(format: provider.format, baseURL: provider.baseURL, model: target.upstreamModel, stream: stream),
            headers: ProviderEndpoint.headers(
                format: provider.format, apiKey: account.map { provider.apiKeys[$0] }, stream: stream, forwarded: forwardedHeaders),
            body: body.serialized(), timeouts: provider.timeouts)
    }

    private func upstreamBody(format: APIFormat, model: String) throws -> JSONValue {
        var upstream: JSONValue
        if isPassthrough(to: format) {
            upstream = body
            if format != .gemini { upstream["model"] = .string(model) }
            // Junction's own routing instructions, not the provider's business.
            upstream["models"] = nil
            upstream["provider"] = nil
        } else {
            guard let canonical else { throw TranslationError.unsupported("the request could not be translated") }
            upstream = try Codecs.codec(for: format).encodeRequest(canonical, upstreamModel: model, stream: stream)
        }
        if format == .openAIChat, stream {
            // Always ask for the usage chunk; the relay strips it again unless the client asked for it.
            var options = upstream["stream_options"]?.objectValue ?? JSONObject()
            options["include_usage"] = true
            upstream["stream_options"] = .object(options)
        }
        return upstream
    }
}

extension TokenUsage {
    /// Token counts from the canonical usage of any format.
    init(_ usage: CanonicalUsage) {
        self.init(
            inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cachedInputTokens: usage.cachedInputTokens,
            reasoningTokens: usage.reasoningTokens, cacheWriteTokens: usage.cacheWriteTokens,
            cacheWrite1hTokens: usage.cacheWrite1hTokens == 0 ? nil : usage.cacheWrite1hTokens)
    }
}
