import Foundation

/// One row of the health table shown to admins: account × model.
public struct HealthRow: Sendable, Hashable, Codable {
    /// The state in one word.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Usable.
        case healthy
        /// Rate-limited or out of quota until ``HealthRow/until``.
        case resting
        /// Disabled (account or model), until ``HealthRow/until`` or until re-enabled if that is `nil`.
        case disabled
        /// The provider+model breaker is open.
        case circuitOpen = "circuit_open"
    }

    /// The provider id.
    public var provider: String
    /// The account index.
    public var account: Int
    /// The upstream model id.
    public var model: String
    /// The state.
    public var status: Status
    /// When the current state ends, if it ends by itself.
    public var until: Date?
    /// Requests left, from the latest headers.
    public var remainingRequests: Int?
    /// Tokens left, from the latest headers.
    public var remainingTokens: Int?
    /// The request and token counters' sizes, when the provider sends them.
    public var limitRequests: Int?
    public var limitTokens: Int?
    /// The last error's reason.
    public var lastError: String?
    /// When the last error happened.
    public var lastErrorAt: Date?

    /// Creates a row.
    public init(
        provider: String, account: Int, model: String, status: Status, until: Date? = nil,
        remainingRequests: Int? = nil, remainingTokens: Int? = nil, limitRequests: Int? = nil, limitTokens: Int? = nil,
        lastError: String? = nil, lastErrorAt: Date? = nil
    ) {
        self.limitRequests = limitRequests
        self.limitTokens = limitTokens
        self.provider = provider
        self.account = account
        self.model = model
        self.status = status
        self.until = until
        self.remainingRequests = remainingRequests
        self.remainingTokens = remainingTokens
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
    }
}

extension HealthState {
    /// The admin view: one row per account × model seen so far, sorted, plus a row with model `*`
    /// for each disabled account that has no model rows.
    public func rows(now: Date, breaker: CircuitBreaker.Settings = .init()) -> [HealthRow] {
        let seenAccounts = Set(models.keys.map(\.accountKey))
        let accountRows = accounts.keys.sorted().compactMap { account -> HealthRow? in
            guard !seenAccounts.contains(account), let disable = accounts[account]?.disabled,
                  disable.holds(now: now, currentFingerprint: nil) else { return nil }
            return HealthRow(
                provider: account.provider, account: account.account, model: "*", status: .disabled,
                until: disable.until, lastError: disable.reason, lastErrorAt: disable.since
            )
        }
        return modelRows(now: now, breaker: breaker) + accountRows
    }

    private func modelRows(now: Date, breaker: CircuitBreaker.Settings) -> [HealthRow] {
        models.keys.sorted().map { key in
            let model = models[key] ?? ModelHealth()
            var row = HealthRow(
                provider: key.provider, account: key.account, model: key.model, status: .healthy, until: nil,
                remainingRequests: model.quota.remainingRequests, remainingTokens: model.quota.remainingTokens,
                limitRequests: model.quota.limitRequests, limitTokens: model.quota.limitTokens,
                lastError: model.lastError, lastErrorAt: model.lastErrorAt
            )
            switch unavailability(of: key, context: Context(now: now, breaker: breaker)) {
            case nil: break
            case .accountDisabled(_, let until): row.status = .disabled; row.until = until
            case .modelDisabled(let until): row.status = .disabled; row.until = until
            case .breakerOpen(let until): row.status = .circuitOpen; row.until = until
            case .resting(let until), .quotaExhausted(_, let until): row.status = .resting; row.until = until
            default: break
            }
            return row
        }
    }
}
