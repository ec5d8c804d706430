public import CoreMetrics

/// Placeholder until the metrics land (same API).
public final class GatewayMetrics: Sendable {
    public init(factory: any MetricsFactory) {}

    public func requestFinished(
        route: String, provider: String?, model: String?, status: Int, latency: Duration, timeToFirstToken: Duration?,
        inputTokens: Int, outputTokens: Int, cachedTokens: Int, costMicros: Int, attempts: Int, saverTokensSaved: Int,
        saverBytesSaved: Int
    ) {}

    public func breakerStates(_ rows: [(provider: String, account: Int, model: String, state: String)]) {}

    public func ledger(queueDepth: Int, dropped: Int) {}
}
