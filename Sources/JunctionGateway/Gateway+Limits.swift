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

    init(store: (any Store)?) {
        usage = store.map { KeyUsageCache(store: $0) }
    }

    /// The refusal for a request by `key` for `model` at `now`, or `nil` when it may go on (and is counted).
    func check(_ key: ClientKey, model: String, now: Date) async -> KeyLimitRefusal? {
        let limits = key.limits
        guard !limits.isEmpty else { return nil }
        var today = KeyUsage()
        var thisMonth = KeyUsage()
        if let usage, limits.tokensPerDay != nil || limits.costMicrosPerDay != nil || limits.costMicrosPerMonth != nil {
            // A store that cannot answer in time does not stop traffic: the rate and model limits still hold.
            today = await StoreDeadline.value { try await usage.usage(key: key.name, since: UTCPeriod.dayStart(now)) } ?? KeyUsage()
            if limits.costMicrosPerMonth != nil {
                thisMonth = await StoreDeadline.value { try await usage.usage(key: key.name, since: UTCPeriod.monthStart(now)) } ?? KeyUsage()
            }
        }
        let since = now.addingTimeInterval(-KeyLimitCheck.window)
        var requestsInWindow = window.count(key: key.name, since: since)
        if let usage, limits.requestsPerMinute != nil {
            // Whole seconds, so that a burst shares one read of the ledger per second.
            let minuteAgo = Date(timeIntervalSince1970: since.timeIntervalSince1970.rounded(.down))
            let everywhere = await StoreDeadline.value { try await usage.usage(key: key.name, since: minuteAgo) }?.requests ?? 0
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
