import Foundation
import JunctionStore
import JunctionWire
import Logging

/// What happened to one client request: filled in as it goes, then written once to the ledger and
/// the request log.
struct RequestTrace: Sendable {
    struct Attempt: Sendable {
        var target: String
        var account: Int?
        var outcome: String
    }

    let request: ClientRequest
    let startedAt: Date
    var model: String = "-"
    var stream = false
    var attempts: [Attempt] = []
    var provider: String?
    var upstreamModel: String?
    var tier: String?
    /// The combo the client named, if any.
    var combo: String?
    /// The served model's prices, for the cost.
    var prices: ModelPrices?
    var firstByte: ContinuousClock.Instant?
    var usage = TokenUsage()
    var saver: SaverReport?
    var error: String?
    /// The error's class for the ledger: a routing error kind, or Junction's own error code.
    var errorClass: String?
    /// Told the tokens and micro-dollars spent when the request ends (for per-key limits).
    var onFinish: (@Sendable (_ tokens: Int, _ costMicros: Int) -> Void)?

    init(request: ClientRequest) {
        self.request = request
        self.startedAt = Date()
    }

    /// `oai/gpt-4o#0:429,backup/gpt-4o-mini#1:200` (account index after `#`).
    var route: String {
        attempts.map { attempt in
            attempt.target + (attempt.account.map { "#\($0)" } ?? "") + ":" + attempt.outcome
        }.joined(separator: ",")
    }

    /// The `x-junction-*` headers for the response.
    var responseHeaders: [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [
            ("x-junction-request-id", request.requestID), ("x-junction-attempts", String(attempts.count)),
        ]
        if let provider { headers.append(("x-junction-provider", provider)) }
        if let upstreamModel { headers.append(("x-junction-model", upstreamModel)) }
        if let tier { headers.append(("x-junction-tier", tier)) }
        if !attempts.isEmpty { headers.append(("x-junction-route", route)) }
        return headers
    }

    /// Writes the ledger row and the log line; call exactly once per request.
    func finish(status: Int, ledger: Ledger?, logger: Logger, metrics: GatewayMetrics? = nil) {
        let now = ContinuousClock.now
        let latency = Self.milliseconds(now - request.receivedAt)
        let firstByteMs = firstByte.map { Self.milliseconds($0 - request.receivedAt) }
        let cost = usage.inputTokens == nil && usage.outputTokens == nil ? nil : prices.map(usage.costMicros(at:))
        metrics?.requestFinished(
            route: Self.routeLabel(request), provider: provider, model: upstreamModel, status: status, latency: now - request.receivedAt,
            timeToFirstToken: firstByte.map { $0 - request.receivedAt }, inputTokens: usage.inputTokens ?? 0,
            outputTokens: usage.outputTokens ?? 0, cachedTokens: usage.cachedInputTokens ?? 0, costMicros: cost ?? 0,
            attempts: attempts.count, saverTokensSaved: saver?.tokensSaved ?? 0,
            saverBytesSaved: (saver?.bytesBefore ?? 0) - (saver?.bytesAfter ?? 0))
        onFinish?((usage.inputTokens ?? 0) + (usage.outputTokens ?? 0), cost ?? 0)
        ledger?.record(
            UsageRecord(
                createdAt: startedAt, clientKey: request.clientKeyName, endpoint: request.format.rawValue,
                requestedModel: model, provider: provider, upstreamModel: upstreamModel, attempts: attempts.count,
                status: status, stream: stream, latencyMs: latency, firstByteMs: firstByteMs,
                inputTokens: usage.inputTokens, outputTokens: usage.outputTokens,
                cachedInputTokens: usage.cachedInputTokens, reasoningTokens: usage.reasoningTokens,
                route: attempts.isEmpty ? nil : route, error: error,
                saverBytesBefore: saver?.bytesBefore, saverBytesAfter: saver?.bytesAfter,
                saverTokensBefore: saver?.tokensBefore, saverTokensAfter: saver?.tokensAfter,
                account: provider == nil ? nil : (attempts.last?.account ?? 0), combo: combo, tier: tier,
                cacheWriteTokens: usage.cacheWriteTokens, costMicros: cost, requestId: request.requestID,
                errorClass: status >= 400 ? (errorClass ?? Self.errorClass(status: status)) : nil,
                cacheWrite1hTokens: usage.cacheWrite1hTokens, saverFilters: saver.flatMap { $0.filterSavingsText }))
        log(status: status, logger: logger, latency: latency)
    }

    /// Writes the request's log line: method, path, model, route, status, milliseconds.
    func log(status: Int, logger: Logger, latency: Int? = nil) {
        let latency = latency ?? Self.milliseconds(ContinuousClock.now - request.receivedAt)
        var metadata: Logger.Metadata = [
            "model": "\(model)", "route": "\(attempts.isEmpty ? "-" : route)", "status": "\(status)", "ms": "\(latency)",
        ]
        if let error { metadata["error"] = "\(error)" }
        if let saver, saver.tokensSaved > 0 { metadata["saved_tokens"] = "\(saver.tokensSaved)" }
        logger.info("\(request.method) \(request.path)", metadata: metadata)
    }

    /// The route as a metrics label: the path's template, so that Gemini's model-in-the-path cannot
    /// grow the number of series.
    static func routeLabel(_ request: ClientRequest) -> String {
        switch request.format {
        case .gemini: "/v1beta/models/{model}"
        default: request.path
        }
    }

    /// A class for an error status when nothing more precise was recorded.
    static func errorClass(status: Int) -> String {
        switch status {
        case 401, 403: "auth"
        case 404: "model_not_found"
        case 408, 504: "timeout"
        case 429: "rate_limited"
        case 499: "client_disconnected"
        case 400..<500: "client"
        default: "server"
        }
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
