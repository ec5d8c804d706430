import JunctionProviders
import JunctionRouting
import JunctionSaver
import JunctionWire
import NIOCore

extension Gateway {
    /// `POST /v1/messages/count_tokens`: the provider's own count when the model's first target speaks
    /// Anthropic, otherwise an estimate (see ``estimateInputTokens(_:)``). The header
    /// `x-junction-token-count` says which: `upstream` or `estimate`.
    public func countTokens(_ request: ClientRequest) async -> GatewayResponse {
        var trace = RequestTrace(request: request)
        let body: JSONValue
        do {
            body = try JSONValue(parsing: request.body)
        } catch {
            return reject(trace, status: 400, message: "The request body is not valid JSON (\(error)).", code: "invalid_json", record: false)
        }
        guard let model = body["model"]?.stringValue, body["messages"]?.arrayValue != nil else {
            return reject(trace, status: 400, message: "'model' and 'messages' are required.", code: "invalid_request", record: false)
        }
        trace.model = model
        guard let session = try? router.plan(RouteRequest(model: model)), let attempt = session.pending.first,
            let provider = config.provider(id: attempt.provider)
        else {
            return reject(trace, status: 404, message: "The model '\(model)' does not exist.", code: "model_not_found", record: false)
        }
        let target = RouteTarget(provider: provider, upstreamModel: attempt.upstreamModel)
        if target.provider.format == .anthropic, let counted = await upstreamCount(body, target: target, forwarded: request.forwardedHeaders) {
            trace.provider = target.provider.id
            trace.upstreamModel = target.upstreamModel
            trace.log(status: 200, logger: logger)
            return .json(status: 200, counted, headers: [("x-junction-token-count", "upstream")])
        }
        let answer: JSONValue = ["input_tokens": .int(Self.estimateInputTokens(body))]
        trace.log(status: 200, logger: logger)
        return .json(status: 200, answer.serialized(), headers: [("x-junction-token-count", "estimate")])
    }

    private func upstreamCount(_ body: JSONValue, target: RouteTarget, forwarded: [String: String]) async -> [UInt8]? {
        var upstreamBody = body
        upstreamBody["model"] = .string(target.upstreamModel)
        let provider = target.provider
        let request = UpstreamRequest(
            url: provider.baseURL + "/messages/count_tokens",
            headers: ProviderEndpoint.headers(format: .anthropic, apiKey: provider.apiKeys.first, stream: false, forwarded: forwarded),
            body: upstreamBody.serialized(), timeouts: provider.timeouts)
        guard let response = try? await upstream.send(request, logger: logger), response.status == 200,
            let bytes = try? await response.body.collect(upTo: 1 << 20),
            (try? JSONValue(parsing: bytes.readableBytesView))?["input_tokens"]?.intValue != nil
        else { return nil }
        return Array(bytes.readableBytesView)
    }

    /// An estimate of an Anthropic request's input tokens: the token saver's BPE-style estimator over
    /// the system prompt, every message's text, tool calls and results, and the tool definitions, plus
    /// a few tokens of framing per message and tool. It is not a vendor tokenizer; expect it within
    /// roughly 10–20 % of the real count for English text and code.
    static func estimateInputTokens(_ body: JSONValue) -> Int {
        var total = 0
        func count(_ value: JSONValue?) {
            guard let value else { return }
            switch value {
            case .string(let text): total += TokenEstimator.estimate(text)
            case .array(let elements): elements.forEach(count)
            case .object(let object):
                for member in object.members where member.key != "type" && member.key != "cache_control" {
                    if member.key == "input" || member.key == "input_schema" {
                        total += TokenEstimator.estimate(member.value.serializedString())
                    } else {
                        count(member.value)
                    }
                }
            default: break
            }
        }
        count(body["system"])
        for message in body["messages"]?.arrayValue ?? [] {
            total += 4
            count(message["content"])
        }
        for tool in body["tools"]?.arrayValue ?? [] {
            total += 8
            count(tool)
        }
        return total + 3
    }
}
