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
        var headers: [(name: String, value: String)] = [("x-junction-attempts", String(attempts.count))]
        if let provider { headers.append(("x-junction-provider", provider)) }
        if let upstreamModel { headers.append(("x-junction-model", upstreamModel)) }
        if let tier { headers.append(("x-junction-tier", tier)) }
        if !attempts.isEmpty { headers.append(("x-junction-route", route)) }
        return headers
    }

    /// Writes the ledger row and the log line; call exactly once per request.
    func finish(status: Int, ledger: Ledger?, logger: Logger) {
        let now = ContinuousClock.now
        let latency = Self.milliseconds(now - request.receivedAt)
        let firstByteMs = firstByte.map { Self.milliseconds($0 - request.receivedAt) }
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
                cacheWriteTokens: usage.cacheWriteTokens,
                costMicros: usage.inputTokens == nil && usage.outputTokens == nil ? nil : prices.map(usage.costMicros(at:))))
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

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
