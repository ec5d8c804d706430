import Foundation

/// The health of one upstream model on one account: cooldowns, quota read from headers, last error.
public struct ModelHealth: Sendable, Hashable, Codable {
    /// Rate-limited until this time (from the provider's reset, or backoff).
    public var restingUntil: Date?
    /// Disabled until this time (model not found).
    public var disabledUntil: Date?
    /// Consecutive rate limits without a reset time, for the exponential backoff.
    public var backoffLevel: Int
    /// The latest rate-limit headers seen for this account+model.
    public var quota: RateLimitInfo
    /// The last error's class.
    public var lastErrorKind: ErrorKind?
    /// The last error's reason text.
    public var lastError: String?
    /// When the last error happened.
    public var lastErrorAt: Date?
    /// When this account+model last succeeded.
    public var lastSuccessAt: Date?

    /// Creates a healthy record.
    public init(
        restingUntil: Date? = nil,
        disabledUntil: Date? = nil,
        backoffLevel: Int = 0,
        quota: RateLimitInfo = RateLimitInfo(),
        lastErrorKind: ErrorKind? = nil,
        lastError: String? = nil,
        lastErrorAt: Date? = nil,
        lastSuccessAt: Date? = nil
    ) {
        self.restingUntil = restingUntil
        self.disabledUntil = disabledUntil
        self.backoffLevel = backoffLevel
        self.quota = quota
        self.lastErrorKind = lastErrorKind
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.lastSuccessAt = lastSuccessAt
    }

    /// Why this account+model cannot serve `estimatedTokens` now, or `nil` if it can.
    public func unavailability(now: Date, estimatedTokens: Int) -> SkipReason? {
        if let disabledUntil, disabledUntil > now { return .modelDisabled(until: disabledUntil) }
        if let restingUntil, restingUntil > now { return .resting(until: restingUntil) }
        if quota.remainingRequests == 0, let reset = quota.requestsReset, reset > now {
            return .quotaExhausted(what: "requests", until: reset)
        }
        if let tokens = quota.remainingTokens, tokens <= 0 || tokens < estimatedTokens,
           let reset = quota.tokensReset, reset > now {
            return .quotaExhausted(what: "tokens", until: reset)
        }
        return nil
    }
}

/// The account-wide state: disabled by an auth failure, or for its quota window.
public struct AccountHealth: Sendable, Hashable, Codable {
    /// Set while the account is disabled.
    public var disabled: AccountDisable?

    /// Creates an enabled account record.
    public init(disabled: AccountDisable? = nil) {
        self.disabled = disabled
    }
}

/// Why and until when an account is disabled.
public struct AccountDisable: Sendable, Hashable, Codable {
    /// The class of the error that disabled it.
    public var kind: ErrorKind
    /// The error's reason text.
    public var reason: String
    /// When it was disabled.
    public var since: Date
    /// When it comes back by itself; `nil` means only a key change or an admin brings it back.
    public var until: Date?
    /// The fingerprint of the key in use when it was disabled; a different key re-enables the account.
    public var keyFingerprint: String?

    /// Creates a record.
    public init(kind: ErrorKind, reason: String, since: Date, until: Date?, keyFingerprint: String?) {
        self.kind = kind
        self.reason = reason
        self.since = since
        self.until = until
        self.keyFingerprint = keyFingerprint
    }

    /// Whether the disable still holds at `now` for an account whose key now has `currentFingerprint`.
    public func holds(now: Date, currentFingerprint: String?) -> Bool {
        if let until, until <= now { return false }
        if let keyFingerprint, let currentFingerprint, keyFingerprint != currentFingerprint { return false }
        return true
    }
}
