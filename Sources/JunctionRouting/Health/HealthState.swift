import Foundation

/// Everything routing knows about the health of accounts and models; a plain value that can be
/// persisted (Codable) and reloaded after a restart.
///
/// Events go in through `record…` methods, which return the ``HealthEvent``s they caused so that the
/// caller can log or persist them; availability comes out through ``unavailability(of:context:)``.
public struct HealthState: Sendable, Hashable {
    /// Account-wide state (disabled accounts).
    public var accounts: [AccountKey: AccountHealth]
    /// Per account+model state (cooldowns, quota, last error).
    public var models: [AccountModelKey: ModelHealth]
    /// Per provider+model circuit breakers.
    public var breakers: [ProviderModelKey: CircuitBreaker]
    /// Per provider+model latency averages.
    public var latency: [ProviderModelKey: LatencyStats]

    /// Creates an empty (all healthy) state.
    public init(
        accounts: [AccountKey: AccountHealth] = [:],
        models: [AccountModelKey: ModelHealth] = [:],
        breakers: [ProviderModelKey: CircuitBreaker] = [:],
        latency: [ProviderModelKey: LatencyStats] = [:]
    ) {
        self.accounts = accounts
        self.models = models
        self.breakers = breakers
        self.latency = latency
    }

    /// What availability depends on besides the state itself.
    public struct Context: Sendable {
        /// The time of the check.
        public var now: Date
        /// The request's estimated tokens (input plus expected output).
        public var estimatedTokens: Int
        /// The account's current key fingerprint, if the configuration gives one.
        public var keyFingerprint: String?
        /// Breaker thresholds.
        public var breaker: CircuitBreaker.Settings

        /// Creates a context.
        public init(now: Date, estimatedTokens: Int = 0, keyFingerprint: String? = nil, breaker: CircuitBreaker.Settings = .init()) {
            self.now = now
            self.estimatedTokens = estimatedTokens
            self.keyFingerprint = keyFingerprint
            self.breaker = breaker
        }
    }

    /// Why `key` cannot take an attempt now, or `nil` if it can. Does not take a breaker's probe slot.
    public func unavailability(of key: AccountModelKey, context: Context) -> SkipReason? {
        if let disable = accounts[key.accountKey]?.disabled,
           disable.holds(now: context.now, currentFingerprint: context.keyFingerprint) {
            return .accountDisabled(reason: disable.reason, until: disable.until)
        }
        if let reason = models[key]?.unavailability(now: context.now, estimatedTokens: context.estimatedTokens) {
            return reason
        }
        if let breaker = breakers[key.providerModel],
           case .refused(let until) = breaker.peek(now: context.now, settings: context.breaker) {
            return .breakerOpen(until: until)
        }
        return nil
    }

    /// Takes the breaker's admission for an attempt that is about to start (the half-open probe slot).
    public mutating func admit(_ key: ProviderModelKey, now: Date, settings: CircuitBreaker.Settings) -> CircuitBreaker.Admission {
        breakers[key, default: CircuitBreaker()].admit(now: now, settings: settings)
    }

    /// Brings a disabled account back (an admin's action, or its key changed).
    @discardableResult
    public mutating func reenable(_ account: AccountKey) -> HealthEvent? {
        guard accounts[account]?.disabled != nil else { return nil }
        accounts[account]?.disabled = nil
        return .accountEnabled(account)
    }

    /// Clears every cooldown and error of one account+model.
    public mutating func clear(_ key: AccountModelKey) {
        models[key] = nil
    }
}
