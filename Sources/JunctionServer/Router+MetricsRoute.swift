import Hummingbird
import JunctionGateway
import JunctionStore

extension Router<JunctionRequestContext> {
    /// Placeholder until the metrics land (same API).
    func addMetricsRoute(endpoint: MetricsEndpoint, token: String?, gateway: Gateway, ledger: Ledger) {}
}
