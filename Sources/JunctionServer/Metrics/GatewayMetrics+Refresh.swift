import JunctionGateway
import JunctionRouting
import JunctionStore

extension GatewayMetrics {
    /// Samples the values that are read rather than counted: account states from the router's
    /// health and the ledger's queue. The metrics route calls it before each scrape.
    func refresh(router: SharedRouter, ledger: Ledger) {
        breakerStates(
            router.healthRows().map { (provider: $0.provider, account: $0.account, model: $0.model, state: $0.status.rawValue) })
        self.ledger(queueDepth: ledger.queueDepth, dropped: ledger.droppedCount)
    }
}
