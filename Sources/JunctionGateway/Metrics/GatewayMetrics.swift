public import Metrics
import Synchronization

/// The gateway's Prometheus-style metrics, recorded through the factory it is given.
///
/// Every metric is made with the explicit `factory`, never the global `MetricsSystem`, so each
/// runtime (and each test) has its own registry. The series names are in ``MetricName``; a
/// missing provider or model is recorded as `"-"`. Negative amounts are recorded as 0.
///
/// ```swift
/// let metrics = GatewayMetrics(factory: endpoint.factory)
/// metrics.requestFinished(route: "chat", provider: "openai", model: "gpt-4o", status: 200, latency: .seconds(2), …)
/// ```
public final class GatewayMetrics: Sendable {
    /// The value recorded when a request never reached a provider or model.
    public static let none = "-"

    private let factory: any MetricsFactory
    /// The states each `(provider, account, model)` has been reported in, so old ones can be set to 0.
    private let seenStates = Mutex<[AccountKey: Set<String>]>([:])
    /// The ledger's dropped count at the last report, to turn its running total into increments.
    private let lastDropped = Mutex<Int>(0)

    /// Metrics recorded through `factory` (a `PrometheusMetricsFactory`, `TestMetrics`, or `NOOPMetricsHandler.instance`).
    public init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// Metrics that go nowhere, for tools and tests that do not export any.
    public static var disabled: GatewayMetrics { GatewayMetrics(factory: NOOPMetricsHandler.instance) }

    /// Records one finished request, once, whether it succeeded or not.
    ///
    /// - Parameters:
    ///   - route: the client route, such as `chat`, `responses`, `messages`.
    ///   - provider, model: the provider and upstream model that answered last; `nil` when none did.
    ///   - status: the HTTP status sent to the client.
    ///   - timeToFirstToken: until the first content was committed; `nil` when none was.
    ///   - costMicros: cost in micro-dollars (exported in dollars).
    ///   - attempts: how many upstream attempts ran; each one past the first counts as a fallback.
    public func requestFinished(
        route: String, provider: String?, model: String?, status: Int, latency: Duration, timeToFirstToken: Duration?,
        inputTokens: Int, outputTokens: Int, cachedTokens: Int, costMicros: Int, attempts: Int,
        saverTokensSaved: Int, saverBytesSaved: Int
    ) {
        let provider = provider ?? Self.none
        let model = model ?? Self.none
        counter(MetricName.requests, [("route", route), ("provider", provider), ("model", model), ("status", String(status))])
            .increment()
        Timer(label: MetricName.requestDuration, dimensions: [("route", route), ("provider", provider)], factory: factory)
            .record(duration: max(.zero, latency))
        if let timeToFirstToken {
            Timer(label: MetricName.timeToFirstToken, dimensions: [("provider", provider), ("model", model)], factory: factory)
                .record(duration: max(.zero, timeToFirstToken))
        }
        for (kind, count) in [("input", inputTokens), ("output", outputTokens), ("cached", cachedTokens)] {
            counter(MetricName.tokens, [("provider", provider), ("model", model), ("kind", kind)]).increment(by: max(0, count))
        }
        FloatingPointCounter(label: MetricName.cost, dimensions: [("provider", provider), ("model", model)], factory: factory)
            .increment(by: Double(max(0, costMicros)) / 1_000_000)
        counter(MetricName.fallbacks, [("route", route)]).increment(by: max(0, attempts - 1))
        counter(MetricName.saverTokensSaved, []).increment(by: max(0, saverTokensSaved))
        counter(MetricName.saverBytesSaved, []).increment(by: max(0, saverBytesSaved))
    }

    /// Sets `junction_account_state` from a full snapshot of the health rows: 1 for each row's
    /// current state, 0 for every other state that label set was reported in before, and 0 for
    /// every state of a label set that is no longer in the snapshot.
    ///
    /// Call it just before each scrape (see the server's metrics route), with every row.
    public func breakerStates(_ rows: [(provider: String, account: Int, model: String, state: String)]) {
        let current = Dictionary(rows.map { (AccountKey(provider: $0.provider, account: $0.account, model: $0.model), $0.state) }) {
            _, last in last
        }
        let updates: [(AccountKey, String, Int)] = seenStates.withLock { seen in
            var updates: [(AccountKey, String, Int)] = []
            for (key, states) in seen where current[key] == nil {
                updates += states.map { (key, $0, 0) }
            }
            for (key, state) in current {
                updates += seen[key, default: []].subtracting([state]).map { (key, $0, 0) }
                updates.append((key, state, 1))
                seen[key, default: []].insert(state)
            }
            return updates
        }
        for (key, state, value) in updates {
            Gauge(
                label: MetricName.accountState,
                dimensions: [("provider", key.provider), ("account", String(key.account)), ("model", key.model), ("state", state)],
                factory: factory
            ).record(value)
        }
    }

    /// Reports the ledger's queue: `queueDepth` as a gauge, and `dropped` (the ledger's running
    /// total since start) as a counter increased by the difference from the last report.
    ///
    /// A counter, not a gauge, because the name ends in `_total` and `rate()`/`increase()` should
    /// work on it; Prometheus handles the restart of a process (the count going back to 0) itself.
    /// A total lower than the last one (a new ledger) counts as that many new drops.
    public func ledger(queueDepth: Int, dropped: Int) {
        Gauge(label: MetricName.ledgerQueueDepth, factory: factory).record(max(0, queueDepth))
        let delta = lastDropped.withLock { last in
            defer { last = dropped }
            return dropped >= last ? dropped - last : dropped
        }
        counter(MetricName.ledgerDropped, []).increment(by: max(0, delta))
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        Counter(label: label, dimensions: dimensions, factory: factory)
    }

    private struct AccountKey: Hashable, Sendable {
        var provider: String
        var account: Int
        var model: String
    }
}
