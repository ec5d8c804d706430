import Foundation

/// Combining the health states of instances that share one database.
///
/// The merge is pure, commutative and idempotent (`a.merged(with: a) == a`), so instances may merge
/// in any order and as often as they like. It is conservative: whatever one instance learned about
/// a cooldown, a disabled account or an open breaker holds for all.
extension HealthState {
    /// This state combined with `other`, key by key:
    ///
    /// - **Accounts**: disabled if either side says so; of two disables, the longer one (no end beats
    ///   any date, else the later `until`, then the later `since`).
    /// - **Account × model**: the later `restingUntil` and `disabledUntil`, the higher backoff level,
    ///   the later success, the last error with the later `lastErrorAt`, and the quota merged counter
    ///   by counter (see ``RateLimitInfo/merged(with:)``).
    /// - **Breakers**: the one whose state changed last, whole; when that does not decide, the more
    ///   severe one: open beats half-open beats closed; of two open, the later `until`; of two
    ///   half-open, the one with a probe under way (the later one); of two closed, the one with more
    ///   failures in a row.
    /// - **Latency**: the statistics with the later sample (then the more samples).
    public func merged(with other: HealthState) -> HealthState {
        HealthState(
            accounts: Self.merge(accounts, other.accounts) { $0.merged(with: $1) },
            models: Self.merge(models, other.models) { $0.merged(with: $1) },
            breakers: Self.merge(breakers, other.breakers) { $0.merged(with: $1) },
            latency: Self.merge(latency, other.latency) { $0.merged(with: $1) }
        )
    }

    private static func merge<Key: Hashable, Value>(
        _ lhs: [Key: Value], _ rhs: [Key: Value], _ combine: (Value, Value) -> Value
    ) -> [Key: Value] {
        lhs.merging(rhs) { combine($0, $1) }
    }
}

extension AccountHealth {
    /// Disabled if either is; of two disables, the one that lasts longer.
    func merged(with other: AccountHealth) -> AccountHealth {
        switch (disabled, other.disabled) {
        case (nil, nil): return self
        case (let one?, nil), (nil, let one?): return AccountHealth(disabled: one)
        case (let lhs?, let rhs?): return AccountHealth(disabled: lhs.outlasts(rhs) ? lhs : rhs)
        }
    }
}

extension AccountDisable {
    /// Whether this disable lasts at least as long as `other` (ties broken so that the choice does
    /// not depend on the order of the two).
    func outlasts(_ other: AccountDisable) -> Bool {
        switch (until, other.until) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (let lhs?, let rhs?) where lhs != rhs: return lhs > rhs
        default:
            if since != other.since { return since > other.since }
            if reason != other.reason { return reason > other.reason }
            return (keyFingerprint ?? "") >= (other.keyFingerprint ?? "")
        }
    }
}

extension ModelHealth {
    /// The later cooldowns, the higher backoff, the later error and success, the merged quota.
    func merged(with other: ModelHealth) -> ModelHealth {
        let error = Self.laterError(self, other)
        return ModelHealth(
            restingUntil: latest(restingUntil, other.restingUntil),
            disabledUntil: latest(disabledUntil, other.disabledUntil),
            backoffLevel: max(backoffLevel, other.backoffLevel),
            quota: quota.merged(with: other.quota),
            lastErrorKind: error.lastErrorKind,
            lastError: error.lastError,
            lastErrorAt: error.lastErrorAt,
            lastSuccessAt: latest(lastSuccessAt, other.lastSuccessAt)
        )
    }

    private static func laterError(_ lhs: ModelHealth, _ rhs: ModelHealth) -> ModelHealth {
        switch (lhs.lastErrorAt, rhs.lastErrorAt) {
        case (nil, nil): return (lhs.lastError ?? "") >= (rhs.lastError ?? "") ? lhs : rhs
        case (.some, nil): return lhs
        case (nil, .some): return rhs
        case (let left?, let right?):
            if left != right { return left > right ? lhs : rhs }
            return (lhs.lastError ?? "") >= (rhs.lastError ?? "") ? lhs : rhs
        }
    }
}

extension RateLimitInfo {
    /// Two readings of one account's rate-limit headers combined, counter by counter.
    ///
    /// Instances share the account's quota, so the reading with the later reset is the newer one
    /// (a later window, or a later response in a sliding one) and wins whole. When the resets are
    /// equal or not both known, the lower remaining count wins, with the later reset. So within a
    /// window the lower count and the later reset are kept, and a spent window that has passed is
    /// not carried into the next one. `retryAfter` is the later of the two.
    public func merged(with other: RateLimitInfo) -> RateLimitInfo {
        let requests = Self.counter((remainingRequests, requestsReset), (other.remainingRequests, other.requestsReset))
        let tokens = Self.counter((remainingTokens, tokensReset), (other.remainingTokens, other.tokensReset))
        var merged = RateLimitInfo(
            remainingRequests: requests.remaining, remainingTokens: tokens.remaining,
            requestsReset: requests.reset, tokensReset: tokens.reset,
            retryAfter: latest(retryAfter, other.retryAfter)
        )
        // The window sizes are the account's, whoever read them; the larger is the fresher after a change of tier.
        merged.limitRequests = [limitRequests, other.limitRequests].compactMap { $0 }.max()
        merged.limitTokens = [limitTokens, other.limitTokens].compactMap { $0 }.max()
        return merged
    }

    private static func counter(
        _ lhs: (remaining: Int?, reset: Date?), _ rhs: (remaining: Int?, reset: Date?)
    ) -> (remaining: Int?, reset: Date?) {
        if let left = lhs.reset, let right = rhs.reset, left != right { return left > right ? lhs : rhs }
        let remaining: Int? = switch (lhs.remaining, rhs.remaining) {
        case (let left?, let right?): min(left, right)
        case (let one, nil), (nil, let one): one
        }
        return (remaining, latest(lhs.reset, rhs.reset))
    }
}

extension CircuitBreaker {
    /// The breaker whose state changed last, whole: it carries the newer news about the upstream (an
    /// instance whose probe succeeded after another saw the breaker open closes it for both). When
    /// the change times are equal or unknown, the more severe one.
    func merged(with other: CircuitBreaker) -> CircuitBreaker {
        if let mine = changedAt, let theirs = other.changedAt, mine != theirs { return mine > theirs ? self : other }
        return severity >= other.severity ? self : other
    }

    /// Orders breakers by how much they refuse: the state first, then its date, then failures.
    private var severity: Severity {
        switch state {
        case .open(let until): Severity(rank: 2, date: until, failures: consecutiveFailures, recent: recentFailures)
        case .halfOpen(let started): Severity(rank: 1, date: started ?? .distantPast, failures: consecutiveFailures, recent: recentFailures)
        case .closed: Severity(rank: 0, date: .distantPast, failures: consecutiveFailures, recent: recentFailures)
        }
    }

    private var recentFailures: Int { recent.filter { $0 }.count }

    private struct Severity: Comparable {
        var rank: Int
        var date: Date
        var failures: Int
        var recent: Int

        static func < (lhs: Severity, rhs: Severity) -> Bool {
            (lhs.rank, lhs.date, lhs.failures, lhs.recent) < (rhs.rank, rhs.date, rhs.failures, rhs.recent)
        }
    }
}

extension LatencyStats {
    /// The statistics with the later sample, then the more samples.
    func merged(with other: LatencyStats) -> LatencyStats {
        let left = (lastSampleAt ?? .distantPast, samples)
        let right = (other.lastSampleAt ?? .distantPast, other.samples)
        if left != right { return left > right ? self : other }
        return (timeToFirstToken ?? 0, tokensPerSecond ?? 0) >= (other.timeToFirstToken ?? 0, other.tokensPerSecond ?? 0) ? self : other
    }
}

/// The later of two optional dates (`nil` only when both are).
private func latest(_ lhs: Date?, _ rhs: Date?) -> Date? {
    switch (lhs, rhs) {
    case (let left?, let right?): max(left, right)
    case (let one, nil), (nil, let one): one
    }
}
