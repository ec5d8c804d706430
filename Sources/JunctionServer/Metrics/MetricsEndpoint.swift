public import JunctionGateway
public import Metrics
import Prometheus

/// One runtime's Prometheus registry: the factory every metric is made with, the gateway's
/// metrics, and the text that `GET /metrics` serves.
///
/// Each runtime (and each test) makes its own, so nothing depends on `MetricsSystem.bootstrap`,
/// which works once per process. The histograms get buckets long enough for LLM calls.
public final class MetricsEndpoint: Sendable {
    /// The content type of the Prometheus text format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Request duration buckets: an LLM call can run for minutes.
    public static let latencyBuckets: [Duration] = [
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
        .seconds(5), .seconds(10), .seconds(20), .seconds(30), .seconds(60), .seconds(120), .seconds(300), .seconds(600),
    ]
    /// Time-to-first-token buckets: a long prompt or a thinking model can take a minute or two.
    public static let firstTokenBuckets: [Duration] = [
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
        .seconds(5), .seconds(10), .seconds(20), .seconds(30), .seconds(60), .seconds(120),
    ]

    private let registry: PrometheusCollectorRegistry
    /// The factory to make metrics with; they appear in ``render()``.
    public let factory: any MetricsFactory
    /// The gateway's metrics, made with ``factory``: pass it to the `Gateway`.
    public let gateway: GatewayMetrics

    /// A new, empty registry.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.latencyBuckets
        factory.durationHistogramBuckets = [
            MetricName.requestDuration: Self.latencyBuckets,
            MetricName.timeToFirstToken: Self.firstTokenBuckets,
        ]
        self.factory = factory
        gateway = GatewayMetrics(factory: factory)
    }

    /// Every series in the Prometheus text format (version 0.0.4).
    public func render() -> String {
        registry.emitToString()
    }
}
