import Foundation

/// A change of health caused by a recorded outcome, for logs and persistence.
public enum HealthEvent: Sendable, Hashable, Codable {
    /// An account+model rests (rate limit) until the date.
    case resting(AccountModelKey, until: Date)
    /// An account+model is disabled until the date (model not found).
    case modelDisabled(AccountModelKey, until: Date)
    /// An account is disabled; `until` is `nil` for "until its key changes or an admin re-enables it".
    case accountDisabled(AccountKey, until: Date?, reason: String)
    /// An account came back.
    case accountEnabled(AccountKey)
    /// A breaker opened until the date.
    case breakerOpened(ProviderModelKey, until: Date)
    /// A breaker closed after a successful probe.
    case breakerClosed(ProviderModelKey)
}

/// Settings the recording path needs for one account.
public struct RecordingContext: Sendable {
    /// The time of the outcome.
    public var now: Date
    /// The account's current key fingerprint.
    public var keyFingerprint: String?
    /// The provider's quota window in seconds (for `insufficient_credits`), if configured.
    public var quotaWindow: TimeInterval?
    /// Breaker thresholds.
    public var breaker: CircuitBreaker.Settings
    /// Weight of a new latency sample in the moving average.
    public var latencyAlpha: Double

    /// Creates a context.
    public init(
        now: Date,
        keyFingerprint: String? = nil,
        quotaWindow: TimeInterval? = nil,
        breaker: CircuitBreaker.Settings = .init(),
        latencyAlpha: Double = 0.3
    ) {
        self.now = now
        self.keyFingerprint = keyFingerprint
        self.quotaWindow = quotaWindow
        self.breaker = breaker
        self.latencyAlpha = latencyAlpha
    }
}

extension HealthState {
    /// Records a successful attempt: clears cooldowns, reads quota headers, closes a half-open breaker,
    /// folds in latency.
    @discardableResult
    public mutating func recordSuccess(
        _ key: AccountModelKey,
        headers: HeaderFields = .empty,
        timeToFirstToken: TimeInterval? = nil,
        tokensPerSecond: Double? = nil,
        context: RecordingContext
    ) -> [HealthEvent] {
        var events: [HealthEvent] = []
        var model = models[key] ?? ModelHealth()
        model.restingUntil = nil
        model.disabledUntil = nil
        model.backoffLevel = 0
        model.lastSuccessAt = context.now
        let quota = RateLimitInfo.parse(headers, now: context.now)
        if !quota.isEmpty { model.quota = quota }
        models[key] = model
        if let event = reenableIfDisabled(key.accountKey) { events.append(event) }
        if breakers[key.providerModel, default: CircuitBreaker()].recordSuccess(now: context.now, settings: context.breaker) == .closed {
            events.append(.breakerClosed(key.providerModel))
        }
        if timeToFirstToken != nil || tokensPerSecond != nil {
            latency[key.providerModel, default: LatencyStats()].add(
                timeToFirstToken: timeToFirstToken, tokensPerSecond: tokensPerSecond,
                at: context.now, alpha: context.latencyAlpha
            )
        }
        return events
    }

    /// Records a classified failure and applies `rule`'s effect.
    @discardableResult
    public mutating func recordFailure(
        _ key: AccountModelKey,
        classification: ErrorClassification,
        rule: ErrorRule,
        context: RecordingContext
    ) -> [HealthEvent] {
        let now = context.now
        var model = models[key] ?? ModelHealth()
        model.lastErrorKind = classification.kind
        model.lastError = classification.reason
        model.lastErrorAt = now
        if !classification.rateLimit.isEmpty { model.quota = classification.rateLimit }
        var events: [HealthEvent] = []

        switch rule.effect {
        case .none:
            break
        case .restUntilReset(let base, let cap):
            let until: Date
            if let reset = classification.resetAt, reset > now {
                until = reset
            } else {
                let delay = min(cap, base * pow(2, Double(model.backoffLevel)))
                until = now.addingTimeInterval(delay)
            }
            model.backoffLevel += 1
            model.restingUntil = until
            events.append(.resting(key, until: until))
        case .disableAccount:
            let disable = AccountDisable(
                kind: classification.kind, reason: classification.reason, since: now,
                until: nil, keyFingerprint: context.keyFingerprint
            )
            accounts[key.accountKey, default: AccountHealth()].disabled = disable
            events.append(.accountDisabled(key.accountKey, until: nil, reason: classification.reason))
        case .disableAccountForQuotaWindow(let defaultWindow):
            let until = classification.resetAt.flatMap { $0 > now ? $0 : nil }
                ?? now.addingTimeInterval(context.quotaWindow ?? defaultWindow)
            let disable = AccountDisable(
                kind: classification.kind, reason: classification.reason, since: now,
                until: until, keyFingerprint: context.keyFingerprint
            )
            accounts[key.accountKey, default: AccountHealth()].disabled = disable
            events.append(.accountDisabled(key.accountKey, until: until, reason: classification.reason))
        case .disableAccountModel(let seconds):
            let until = now.addingTimeInterval(seconds)
            model.disabledUntil = until
            events.append(.modelDisabled(key, until: until))
        case .breakerFailure:
            let action = breakers[key.providerModel, default: CircuitBreaker()].recordFailure(now: now, settings: context.breaker)
            if case .opened(let until) = action { events.append(.breakerOpened(key.providerModel, until: until)) }
        }
        models[key] = model
        return events
    }

    /// Records the rate-limit headers of a response without judging it (for example a committed stream).
    public mutating func recordQuota(_ key: AccountModelKey, headers: HeaderFields, now: Date) {
        let quota = RateLimitInfo.parse(headers, now: now)
        guard !quota.isEmpty else { return }
        models[key, default: ModelHealth()].quota = quota
    }

    private mutating func reenableIfDisabled(_ account: AccountKey) -> HealthEvent? {
        reenable(account)
    }
}
