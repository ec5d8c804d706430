import Foundation
import JunctionProviders
import JunctionSaver
import JunctionTranslate
import JunctionWire

extension Gateway {
    /// Routes a request of any client format: read and check the body, run the token saver, plan the
    /// targets, then try them in order until one answers.
    func route(_ request: ClientRequest) async -> GatewayResponse {
        var trace = RequestTrace(request: request)
        let client: ClientBody
        do {
            client = try ClientBody(request)
        } catch {
            return reject(trace, status: 400, message: error.message, code: error.code, param: error.param)
        }
        trace.model = client.model
        trace.stream = client.stream
        var body = client.json
        let level = config.saverLevel(requested: request.saverLevel, clientKey: request.clientKeyName, model: client.model)
        if level != .off {
            trace.saver = ToolOutputSaver(saver: Saver(level: level)).compress(&body, format: request.format)
        }
        let targets: [RouteTarget]
        do {
            targets = try planner.targets(for: client.model)
        } catch {
            return reject(trace, status: 404, message: unknownModelMessage(client.model), code: "model_not_found", param: "model")
        }
        var canonical: CanonicalRequest?
        if targets.contains(where: { $0.provider.format != request.format }) {
            do {
                var decoded = try Codecs.codec(for: request.format).decodeRequest(body)
                decoded.model = client.model
                decoded.stream = client.stream
                canonical = decoded
            } catch {
                let message = (error as? TranslationError)?.message ?? "The request could not be translated (\(error))."
                return reject(trace, status: 400, message: message, code: "untranslatable_request")
            }
        }
        let exchange = Exchange(
            clientFormat: request.format, body: body, model: client.model, stream: client.stream,
            clientWantsUsage: client.clientWantsUsage, canonical: canonical, forwardedHeaders: request.forwardedHeaders)

        var lastFailure: (target: RouteTarget, failure: AttemptFailure)?
        for target in targets {
            for account in rotation.order(for: target.provider) {
                if Task.isCancelled {
                    trace.error = "client disconnected"
                    trace.finish(status: 499, ledger: ledger, logger: logger)
                    return .json(status: 499, [])
                }
                trace.provider = target.provider.id
                trace.upstreamModel = target.upstreamModel
                switch await attempt(exchange, target: target, account: account, trace: trace) {
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

    /// The client's answer when every attempt failed: the last upstream error, in the client's shape.
    private func allAttemptsFailed(_ trace: RequestTrace, last: (target: RouteTarget, failure: AttemptFailure)?) -> GatewayResponse {
        var trace = trace
        let count = trace.attempts.count
        guard let last else {
            return reject(trace, status: 503, message: "No target could be tried for '\(trace.model)'.", code: "no_target")
        }
        let prefix = "All \(count) attempt\(count == 1 ? "" : "s") failed; the last, \(last.target.name), "
        let client = trace.request.format
        switch last.failure {
        case .status(let status, let bytes, let format):
            trace.error = "upstream \(status)"
            trace.finish(status: status, ledger: ledger, logger: logger)
            let body = ErrorRenderer.upstreamBody(bytes, status: status, from: format, to: client)
            return .json(status: status, body, headers: trace.responseHeaders)
        case .transport(let error):
            let status = error.kind.isTimeout ? 504 : 502
            return reject(
                trace, status: status, message: prefix + "failed: \(error.message).",
                code: error.kind.isTimeout ? "upstream_timeout" : "upstream_unreachable")
        case .streamError(let failure, let format):
            trace.error = "error before content"
            trace.finish(status: 502, ledger: ledger, logger: logger)
            if let raw = failure.body, format == client || (format.isOpenAIShaped && client.isOpenAIShaped) {
                return .json(status: 502, raw.serialized(), headers: trace.responseHeaders)
            }
            let body = ErrorRenderer.body(format: client, status: 502, message: prefix + "reported: \(failure.message)", code: "upstream_error")
            return .json(status: 502, body.serialized(), headers: trace.responseHeaders)
        case .emptyStream:
            return reject(trace, status: 502, message: prefix + "ended its stream without content.", code: "upstream_empty")
        case .invalidResponse(let reason):
            return reject(trace, status: 502, message: prefix + "sent an invalid response (\(reason)).", code: "upstream_invalid")
        }
    }
}
