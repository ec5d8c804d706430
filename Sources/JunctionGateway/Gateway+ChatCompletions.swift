import Foundation
import JunctionProviders
import JunctionSaver
import JunctionWire

extension Gateway {
    /// OpenAI Chat Completions to OpenAI-compatible providers: the body passes through as a JSON
    /// tree with only the model name (and, for streams, the usage option) changed.
    func chatCompletions(_ request: ClientRequest) async -> GatewayResponse {
        var trace = RequestTrace(request: request)
        var body: JSONValue
        do {
            body = try JSONValue(parsing: request.body)
        } catch {
            return reject(trace, status: 400, message: "The request body is not valid JSON (\(error)).", code: "invalid_json")
        }
        guard body.objectValue != nil else {
            return reject(trace, status: 400, message: "The request body must be a JSON object.", code: "invalid_json")
        }
        guard let model = body["model"]?.stringValue, !model.isEmpty else {
            return reject(trace, status: 400, message: "The 'model' field is required.", code: "missing_model", param: "model")
        }
        trace.model = model
        guard body["messages"]?.arrayValue != nil else {
            return reject(trace, status: 400, message: "The 'messages' field must be an array.", code: "invalid_messages", param: "messages")
        }
        let level = config.saverLevel(requested: request.saverLevel, clientKey: request.clientKeyName, model: model)
        if level != .off {
            trace.saver = ToolOutputSaver(saver: Saver(level: level)).compress(&body, format: .openAIChat)
        }
        let targets: [RouteTarget]
        do {
            targets = try planner.targets(for: model)
        } catch {
            return reject(
                trace, status: 404, message: unknownModelMessage(model), code: "model_not_found", param: "model")
        }
        let wantsStream = body["stream"]?.boolValue == true
        trace.stream = wantsStream
        let exchange = ChatExchange(
            body: body, wantsStream: wantsStream,
            clientWantsUsage: body["stream_options"]?["include_usage"]?.boolValue == true)

        var lastFailure: (target: RouteTarget, failure: AttemptFailure)?
        for target in targets {
            for account in rotation.order(for: target.provider) {
                trace.provider = target.provider.id
                trace.upstreamModel = target.upstreamModel
                let result = await attempt(exchange, target: target, account: account, trace: trace)
                switch result {
                case .committed(let response):
                    return response
                case .failed(let failure, let updated):
                    trace = updated
                    lastFailure = (target, failure)
                }
            }
        }
        return allAttemptsFailed(trace, last: lastFailure)
    }

    private func unknownModelMessage(_ model: String) -> String {
        let known = planner.modelNames
        let list = known.isEmpty ? "none are configured" : known.prefix(20).joined(separator: ", ")
        return "The model '\(model)' does not exist. Use provider/model or a combo name; known models: \(list)."
    }

    /// The client's answer when every attempt failed: the last upstream error, in OpenAI's shape.
    private func allAttemptsFailed(_ trace: RequestTrace, last: (target: RouteTarget, failure: AttemptFailure)?) -> GatewayResponse {
        var trace = trace
        let count = trace.attempts.count
        guard let last else {
            return reject(trace, status: 503, message: "No target could be tried for '\(trace.model)'.", code: "no_target")
        }
        let prefix = "All \(count) attempt\(count == 1 ? "" : "s") failed; the last, \(last.target.name), "
        switch last.failure {
        case .status(let status, let bytes):
            trace.error = "upstream \(status)"
            trace.finish(status: status, ledger: ledger, logger: logger)
            if let parsed = try? JSONValue(parsing: bytes), OpenAIErrorBody.isWellFormed(parsed) {
                return .json(status: status, bytes, headers: trace.responseHeaders)
            }
            let body = OpenAIErrorBody.make(
                message: prefix + "answered HTTP \(status).", type: OpenAIErrorBody.type(forStatus: status), code: "upstream_error")
            return .json(status: status, body.serialized(), headers: trace.responseHeaders)
        case .transport(let error):
            let status = error.kind.isTimeout ? 504 : 502
            return reject(trace, status: status, message: prefix + "failed: \(error.message).", code: error.kind.isTimeout ? "upstream_timeout" : "upstream_unreachable")
        case .streamError(let event):
            trace.error = "stream error before content"
            trace.finish(status: 502, ledger: ledger, logger: logger)
            let body = OpenAIErrorBody.isWellFormed(event)
                ? event : OpenAIErrorBody.make(message: prefix + "sent an error event.", type: "api_error", code: "upstream_error")
            return .json(status: 502, body.serialized(), headers: trace.responseHeaders)
        case .emptyStream:
            return reject(trace, status: 502, message: prefix + "ended its stream without content.", code: "upstream_empty")
        case .invalidResponse(let reason):
            return reject(trace, status: 502, message: prefix + "sent an invalid response (\(reason)).", code: "upstream_invalid")
        }
    }
}

/// What every attempt of one chat request shares.
struct ChatExchange: Sendable {
    var body: JSONValue
    var wantsStream: Bool
    var clientWantsUsage: Bool

    /// The body for one target: its own model name, and a usage chunk requested for streams.
    func upstreamBody(model: String) -> [UInt8] {
        var upstream = body
        upstream["model"] = .string(model)
        if wantsStream {
            var options = upstream["stream_options"]?.objectValue ?? JSONObject()
            options["include_usage"] = true
            upstream["stream_options"] = .object(options)
        }
        return upstream.serialized()
    }
}
