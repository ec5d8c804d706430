import Foundation
import JunctionTranslate
import JunctionWire
import NIOCore

/// What a one-token test request to a provider showed.
public struct ProviderTestResult: Sendable, Hashable {
    public var ok: Bool
    public var status: Int?
    public var latencyMs: Int
    public var model: String
    /// The reply's text, or what went wrong.
    public var message: String
}

extension Gateway {
    /// Sends one real, one-token request to `provider` with one account, outside routing: health is
    /// neither consulted nor changed. The exchange is written to the ledger like any other.
    public func testProvider(_ provider: ProviderConfig, model: String, account: Int) async -> ProviderTestResult {
        let body: JSONValue = [
            "model": .string("\(provider.id)/\(model)"), "max_tokens": 1,
            "messages": [["role": "user", "content": "Reply with the single word OK."]],
        ]
        let request = ClientRequest(
            format: .openAIChat, method: "POST", path: "/api/providers/\(provider.id)/test", body: body.serialized(),
            clientKeyName: "admin:test")
        var trace = RequestTrace(request: request)
        trace.model = "\(provider.id)/\(model)"
        trace.provider = provider.id
        trace.upstreamModel = model
        var exchange = Exchange(
            clientFormat: .openAIChat, body: body, model: trace.model, stream: false, clientWantsUsage: false, canonical: nil,
            forwardedHeaders: [:])
        if provider.format != .openAIChat {
            exchange.canonical = try? Codecs.codec(for: .openAIChat).decodeRequest(body)
        }
        let started = ContinuousClock.now
        let target = RouteTarget(provider: provider, upstreamModel: model, tier: nil)
        let accountIndex = provider.apiKeys.isEmpty ? nil : min(max(0, account), provider.apiKeys.count - 1)
        let result = await attempt(exchange, target: target, account: accountIndex, trace: trace)
        let latency = RequestTrace.milliseconds(ContinuousClock.now - started)
        switch result {
        case .committed(let response, _, _):
            var text = ""
            if case .bytes(let buffer) = response.body, let json = try? JSONValue(parsing: Array(buffer.readableBytesView)) {
                text = json["choices"]?[0]?["message"]?["content"]?.stringValue ?? ""
            }
            return ProviderTestResult(ok: true, status: response.status, latencyMs: latency, model: model, message: text)
        case .failed(let failure, var failedTrace):
            failedTrace.error = failure.outcome
            failedTrace.finish(status: failure.statusCode ?? 502, ledger: ledger, logger: logger, metrics: metrics)
            return ProviderTestResult(ok: false, status: failure.statusCode, latencyMs: latency, model: model, message: failure.summary)
        }
    }
}
