import Foundation
import JunctionRouting
import JunctionStore
import Synchronization

/// Per-account spending over each configured budget window, counted from the usage ledger.
///
/// Counting costs a query per account and window, so the snapshot is reused for a second; only
/// providers with budgets are counted at all.
final class BudgetCounter: Sendable {
    private let database: JunctionDatabase?
    private let budgets: [(provider: String, accounts: Int, windows: [TimeInterval])]
    private let cache = Mutex<(at: Date, snapshot: UsageSnapshot)?>(nil)
    private let freshness: TimeInterval = 1

    init(config: JunctionConfig, database: JunctionDatabase?) {
        self.database = database
        budgets = config.providers.filter { !$0.budgets.isEmpty }.map { provider in
            (provider.id, max(1, provider.apiKeys.count), provider.budgets.map(\.window))
        }
    }

    /// The counts for every budgeted account; empty when no provider has a budget.
    func snapshot(now: Date) async -> UsageSnapshot {
        guard let database, !budgets.isEmpty else { return .empty }
        if let cached = cache.withLock({ $0 }), now.timeIntervalSince(cached.at) < freshness, now >= cached.at { return cached.snapshot }
        var counts: [AccountKey: [TimeInterval: UsageSnapshot.Count]] = [:]
        for budget in budgets {
            for account in 0..<budget.accounts {
                var windows: [TimeInterval: UsageSnapshot.Count] = [:]
                for window in budget.windows {
                    let used = (try? await database.accountUsage(
                        provider: budget.provider, account: account, since: now.addingTimeInterval(-window))) ?? (requests: 0, tokens: 0)
                    windows[window] = UsageSnapshot.Count(requests: used.requests, tokens: used.tokens)
                }
                counts[AccountKey(provider: budget.provider, account: account)] = windows
            }
        }
        let snapshot = UsageSnapshot(counts: counts)
        cache.withLock { $0 = (now, snapshot) }
        return snapshot
    }
}
