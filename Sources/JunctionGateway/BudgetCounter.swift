import Foundation
import JunctionRouting
import JunctionStore

/// Per-account spending over each configured budget window, counted from the usage ledger.
///
/// Counting costs one indexed query per budgeted account and window, per request; providers
/// without budgets cost nothing. Rows reach the ledger a moment after their request ends, so a
/// burst of parallel requests can overrun a budget by the requests still in flight.
final class BudgetCounter: Sendable {
    private let database: (any Store)?
    private let budgets: [(provider: String, accounts: Int, windows: [TimeInterval])]

    init(config: JunctionConfig, database: (any Store)?) {
        self.database = database
        budgets = config.providers.filter { !$0.budgets.isEmpty }.map { provider in
            (provider.id, max(1, provider.apiKeys.count), provider.budgets.map(\.window))
        }
    }

    /// The counts for every budgeted account; empty when no provider has a budget.
    func snapshot(now: Date) async -> UsageSnapshot {
        guard let database, !budgets.isEmpty else { return .empty }
        var counts: [AccountKey: [TimeInterval: UsageSnapshot.Count]] = [:]
        for budget in budgets {
            for account in 0..<budget.accounts {
                var windows: [TimeInterval: UsageSnapshot.Count] = [:]
                for window in budget.windows {
                    let since = now.addingTimeInterval(-window)
                    let used = await StoreDeadline.value {
                        let counted = try await database.accountUsage(provider: budget.provider, account: account, since: since)
                        return UsageSnapshot.Count(requests: counted.requests, tokens: counted.tokens)
                    } ?? UsageSnapshot.Count(requests: 0, tokens: 0)
                    windows[window] = used
                }
                counts[AccountKey(provider: budget.provider, account: account)] = windows
            }
        }
        return UsageSnapshot(counts: counts)
    }
}
