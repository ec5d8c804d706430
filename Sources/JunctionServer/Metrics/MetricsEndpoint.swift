public import JunctionGateway
public import Metrics

/// Placeholder until the metrics land (same API).
public final class MetricsEndpoint: Sendable {
    public let factory: any MetricsFactory = NOOPMetricsHandler.instance
    public let gateway: GatewayMetrics

    public init() { gateway = GatewayMetrics(factory: NOOPMetricsHandler.instance) }

    public func render() -> String { "" }
}
