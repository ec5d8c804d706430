import Foundation
import JunctionStore

/// Per-client-key limits, checked before routing: allowed models, requests per minute, tokens per
/// day and dollars per day and month. Spending is read from the ledger (so on PostgreSQL every
/// instance sees it), through a short cache that also counts this instance's requests whose ledger
/// rows are not written yet. Requests per minute take the larger of this instance's own count
/// (requests started) and the ledger's count of the last minute (requests finished anywhere).
struct KeyLimiter: Sendable {
    let window = RequestRateWindow()
    let usage: KeyUsageCache?

    /// How long a finished request's spending keeps counting on top of newer reads of the ledger:
    /// its row may reach the store a moment after the request ends (longer under load), and counting
    /// it twice for a few seconds errs on the side of the limit.
    static let ledgerLag: TimeInterval = 5

    init(store: (any Store)?) {
        usage = store.map { KeyUsageCache(store: $0, ledgerLag: Self.ledgerLag) }
    }

    /// The key's spending since `since`: the ledger plus this instance's recent requests, or only the
    /// latter when the store does not answer in time.
    private func spending(_ usage: KeyUsageCache, key: String, since: Date) async -> KeyUsage {
        await StoreDeadline.value { try await usage.usage(key: key, since: since) } ?? usage.localUsage(key: key, since: since)
    }

    /// The refusal for a request by `key` for `model` at `now`, or `nil` when it may go on (and is counted).
    func check(_ key: ClientKey, model: String, now: Date) async -> KeyLimitRefusal? {
        let limits = key.limits
        guard !limits.isEmpty else { return nil }
        var today = KeyUsage()
        var thisMonth = KeyUsage()
        if let usage, limits.tokensPerDay != nil || limits.costMicrosPerDay != nil || limits.costMicrosPerMonth != nil {
            // A store that cannot answer in time does not stop traffic: the rate and model limits still hold.
            today = await spending(usage, key: key.name, since: UTCPeriod.dayStart(now))
            if limits.costMicrosPerMonth != nil {
                thisMonth = await spending(usage, key: key.name, since: UTCPeriod.monthStart(now))
            }
        }
        let since = now.addingTimeInterval(-KeyLimitCheck.window)
        var requestsInWindow = window.count(key: key.name, since: since)
        if let usage, limits.requestsPerMinute != nil {
            // Whole seconds, so that a burst shares one read of the ledger per second.
            let minuteAgo = Date(timeIntervalSince1970: since.timeIntervalSince1970.rounded(.down))
            // The ledger's count without this instance's own adds, which the local window already has.
            let everywhere = await spending(usage, key: key.name, since: minuteAgo).requests
                - usage.localUsage(key: key.name, since: minuteAgo).requests
            requestsInWindow = max(requestsInWindow, everywhere)
        }
        let check = KeyLimitCheck(
            limits: limits, model: model, now: now, today: today, thisMonth: thisMonth,
            requestsInWindow: requestsInWindow, oldestInWindow: window.oldest(key: key.name, since: since))
        if let refusal = check.decide().refusal { return refusal }
        if limits.requestsPerMinute != nil { window.record(key: key.name, at: now) }
        return nil
    }

    /// Counts a finished request's spending until the ledger has it.
    func spent(key: String, tokens: Int, costMicros: Int) {
        usage?.add(key: key, tokens: tokens, costMicros: costMicros)
    }
}
