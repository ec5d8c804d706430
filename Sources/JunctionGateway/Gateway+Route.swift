import Foundation
import JunctionProviders
import JunctionRouting
import JunctionSaver
import JunctionStore
import JunctionTranslate
import JunctionWire

extension Gateway {
    /// Routes a request of any client format: read and check the body, run the token saver, plan the
    /// attempts with the routing engine, then try them until one answers or the engine says stop.
    func route(_ request: ClientRequest) async -> GatewayResponse {
        var trace = RequestTrace(request: request)
        let config = self.config
        let client: ClientBody
        let hints: RoutingHints
        do {
            client = try ClientBody(request)
            trace.model = client.model
            trace.stream = client.stream
            trace.combo = config.combo(named: client.model)?.name
            hints = try RoutingHints(body: client.json, format: request.format, byteCount: request.body.count, header: request.conversationKey)
        } catch {
            return reject(trace, status: 400, message: error.message, code: error.code, param: error.param)
        }
        if let name = request.clientKeyName, let key = config.clientKeys.first(where: { $0.name == name }), !key.limits.isEmpty {
            if let refusal = await limiter.check(key, model: client.model, now: router.clock.now()) {
                trace.errorClass = "key_limit"
                return reject(
                    trace, status: refusal.status, message: refusal.message, code: refusal.reason.rawValue,
                    headers: refusal.retryAfter.map { [("retry-after", String($0))] } ?? [])
            }
            let limiter = self.limiter
            trace.onFinish = { tokens, cost in limiter.spent(key: name, tokens: tokens, costMicros: cost) }
        }
        var body = client.json
        let level = config.saverLevel(requested: request.saverLevel, clientKey: request.clientKeyName, model: client.model)
        if level != .off {
            trace.saver = ToolOutputSaver(saver: Saver(level: level)).compress(&body, format: request.format)
        }
        var session: RouteSession
        do {
            session = try router.plan(
                RouteRequest(
                    model: client.model, models: hints.fallbackModels, preferences: hints.preferences,
                    estimatedInputTokens: hints.estimatedInputTokens, maxOutputTokens: hints.maxOutputTokens,
                    capabilities: hints.capabilities, conversationKey: hints.conversationKey),
                usage: await budgets.snapshot(now: router.clock.now()))
        } catch {
            return planningFailed(trace, error: error)
        }
        var exchange = Exchange(
            clientFormat: request.format, body: body, model: client.model, stream: client.stream,
            clientWantsUsage: client.clientWantsUsage, canonical: nil, forwardedHeaders: request.forwardedHeaders)

        var lastFailure: (target: RouteTarget, failure: UpstreamFailure)?
        while let attempt = router.next(&session) {
            if Task.isCancelled {
                trace.error = "client disconnected"
                trace.finish(status: 499, ledger: ledger, logger: logger, metrics: metrics)
                return .json(status: 499, [])
            }
            guard let provider = config.provider(id: attempt.provider) else { continue }
            if attempt.format != request.format, exchange.canonical == nil {
                switch Self.canonicalRequest(body, client: client, format: request.format) {
                case .success(let canonical): exchange.canonical = canonical
                case .failure(let error): return reject(trace, status: 400, message: error.message, code: "untranslatable_request")
                }
            }
            let target = RouteTarget(provider: provider, upstreamModel: attempt.upstreamModel, tier: attempt.tier)
            trace.provider = provider.id
            trace.upstreamModel = attempt.upstreamModel
            trace.tier = attempt.tier
            trace.prices = attempt.profile?.prices
            let started = ContinuousClock.now
            let account = provider.apiKeys.isEmpty ? nil : attempt.account
            switch await self.attempt(exchange, target: target, account: account, trace: trace) {
            case .committed(let response, let headers, let outputTokens):
                let success = AttemptSuccess(
                    headers: HeaderFields(headers.map { ($0.name, $0.value) }),
                    timeToFirstToken: Self.seconds(ContinuousClock.now - started), outputTokens: outputTokens)
                _ = router.record(.success(success), for: attempt, in: &session)
                return response
            case .failed(let failure, let updated):
                trace = updated
                lastFailure = (target, failure)
                if case .untranslatable = failure { continue }  // another target may express it; no health effect
                switch router.record(.failure(failure.routingFailure), for: attempt, in: &session) {
                case .next, .commit:
                    continue
                case .waitThenNext(let until):
                    let wait = until.timeIntervalSince(router.clock.now())
                    if wait > 0 { try? await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
                case .returnToClient:
                    // The client's mistake (a 400, a context too long for every larger target): its answer as it came.
                    return allAttemptsFailed(trace, last: (target, failure), session: session)
                }
            }
        }
        return allAttemptsFailed(trace, last: lastFailure, session: session)
    }

    /// The client's body as a canonical conversation, for targets of another format.
    private static func canonicalRequest(_ body: JSONValue, client: ClientBody, format: APIFormat) -> Result<CanonicalRequest, TranslationError> {
        do {
            var decoded = try Codecs.codec(for: format).decodeRequest(body)
            decoded.model = client.model
            decoded.stream = client.stream
            return .success(decoded)
        } catch let error as TranslationError {
            return .failure(error)
        } catch {
            return .failure(TranslationError.unsupported("the request could not be translated (\(error))"))
        }
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The model could not be planned: unknown (404 naming the closest known ones) or nothing usable now.
    private func planningFailed(_ trace: RequestTrace, error: RoutingError) -> GatewayResponse {
        if !error.skipped.isEmpty || error.message.hasPrefix("no usable target") {
            return reject(
                trace, status: 503, message: "No target can serve '\(trace.model)' right now: \(error.message).", code: "no_usable_target",
                headers: retryAfterHeader(error.retryAfter))
        }
        if !error.cycle.isEmpty {
            return reject(trace, status: 500, message: error.message, code: "combo_cycle")
        }
        let known = error.suggestions.isEmpty ? modelNames.prefix(20).joined(separator: ", ") : error.suggestions.joined(separator: ", ")
        let list = known.isEmpty ? "none are configured" : known
        return reject(
            trace, status: 404,
            message: "The model '\(trace.model)' does not exist. Use provider/model, a combo or a served model name; closest known: \(list).",
            code: "model_not_found", param: "model")
    }

    /// `Retry-After` in whole seconds until `date`, when there is one.
    private func retryAfterHeader(_ date: Date?) -> [(name: String, value: String)] {
        guard let date else { return [] }
        let seconds = date.timeIntervalSince(router.clock.now()).rounded(.up)
        return [("retry-after", String(max(1, Int(seconds))))]
    }

    /// The client's answer when the attempts stop: the last upstream error, in the client's shape.
    private func allAttemptsFailed(
        _ trace: RequestTrace, last: (target: RouteTarget, failure: UpstreamFailure)?, session: RouteSession?
    ) -> GatewayResponse {
        var trace = trace
        trace.errorClass = session?.lastFailure?.kind.rawValue
        let count = trace.attempts.count
        guard let failure = last?.failure else {
            let reasons = session?.skipped.prefix(4).map { "\($0.label): \($0.reason)" }.joined(separator: "; ") ?? ""
            return reject(
                trace, status: 503, message: "No target could be tried for '\(trace.model)'" + (reasons.isEmpty ? "." : " (\(reasons))."),
                code: "no_usable_target", headers: retryAfterHeader(session?.retryAfter))
        }
        let prefix = "All \(count) attempt\(count == 1 ? "" : "s") failed; the last, \(last?.target.name ?? "-"), "
        let client = trace.request.format
        switch failure {
        case .status(let status, let bytes, let format, _):
            trace.error = "upstream \(status)"
            trace.finish(status: status, ledger: ledger, logger: logger, metrics: metrics)
            return .json(status: status, ErrorRenderer.upstreamBody(bytes, status: status, from: format, to: client), headers: trace.responseHeaders)
        case .untranslatable(let bytes):
            trace.error = "untranslatable"
            trace.finish(status: 400, ledger: ledger, logger: logger, metrics: metrics)
            return .json(status: 400, bytes, headers: trace.responseHeaders)
        case .transport(let error):
            let status = error.kind.isTimeout ? 504 : 502
            return reject(
                trace, status: status, message: prefix + "failed: \(error.message).",
                code: error.kind.isTimeout ? "upstream_timeout" : "upstream_unreachable")
        case .streamError(let streamFailure, let format):
            trace.error = "error before content"
            trace.finish(status: 502, ledger: ledger, logger: logger, metrics: metrics)
            if let raw = streamFailure.body, format == client || (format.isOpenAIShaped && client.isOpenAIShaped) {
                return .json(status: 502, raw.serialized(), headers: trace.responseHeaders)
            }
            let body = ErrorRenderer.body(format: client, status: 502, message: prefix + "reported: \(streamFailure.message)", code: "upstream_error")
            return .json(status: 502, body.serialized(), headers: trace.responseHeaders)
        case .emptyStream:
            return reject(trace, status: 502, message: prefix + "ended its stream without content.", code: "upstream_empty")
        case .invalidResponse(let reason):
            return reject(trace, status: 502, message: prefix + "sent an invalid response (\(reason)).", code: "upstream_invalid")
        }
    }
}
