/// Orders a provider's accounts by its selection strategy and checks per-account budgets.
enum AccountOrdering {
    static func order(_ provider: ProviderConfig, usage: UsageSnapshot, state: inout StrategyState, rotate: Bool) -> [Int] {
        let count = provider.accountCount
        let indices = Array(0..<count)
        switch provider.accountSelection {
        case .fillFirst:
            return indices
        case .roundRobin:
            let start = state.accountRotations[provider.id, default: 0] % count
            if rotate { state.accountRotations[provider.id] = start + 1 }
            return indices.map { ($0 + start) % count }
        case .leastUsed:
            let window = provider.budgets.map(\.window).min()
            func used(_ account: Int) -> Int {
                let key = AccountKey(provider: provider.id, account: account)
                if let window, let count = usage.count(key, window: window) { return count.requests }
                if let any = usage.counts[key]?.values.map(\.requests).min() { return any }
                return state.accountUse[key, default: 0]
            }
            return indices.sorted { (used($0), $0) < (used($1), $1) }
        }
    }

    /// The first budget the account has spent, given the caller's counts.
    static func budgetReason(_ provider: ProviderConfig, account: Int, usage: UsageSnapshot) -> SkipReason? {
        let key = AccountKey(provider: provider.id, account: account)
        for budget in provider.budgets {
            guard let count = usage.count(key, window: budget.window) else { continue }
            if let limit = budget.maxRequests, count.requests >= limit { return .budgetExhausted(window: budget.window) }
            if let limit = budget.maxTokens, count.tokens >= limit { return .budgetExhausted(window: budget.window) }
        }
        return nil
    }
}
