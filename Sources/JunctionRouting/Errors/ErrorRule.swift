import Foundation

/// What a class of failure does to health, and whether the request moves on.
public struct ErrorRule: Sendable, Hashable, Codable {
    /// The effect on the health state.
    public var effect: ErrorEffect
    /// What the request does next.
    public var fallback: FallbackRule

    /// Creates a rule.
    public init(effect: ErrorEffect, fallback: FallbackRule) {
        self.effect = effect
        self.fallback = fallback
    }
}

/// The effect of a failure on the health state.
public enum ErrorEffect: Sendable, Hashable, Codable {
    /// Nothing cools down.
    case none
    /// The account+model rests until the reset the provider gave, however far away; with none given,
    /// exponential backoff from `base` seconds doubling per consecutive failure up to `cap`.
    case restUntilReset(backoffBase: TimeInterval, backoffCap: TimeInterval)
    /// The whole account is disabled until its key changes or an admin re-enables it.
    case disableAccount
    /// The whole account is disabled for the provider's quota window (or `defaultWindow` seconds if the
    /// provider configures none), or until the reset the provider gave.
    case disableAccountForQuotaWindow(defaultWindow: TimeInterval)
    /// The account+model is disabled for `seconds`.
    case disableAccountModel(seconds: TimeInterval)
    /// The provider+model circuit breaker counts a failure.
    case breakerFailure
}

/// What a request does after a failure.
public enum FallbackRule: String, Sendable, Hashable, Codable {
    /// Try the next attempt of the plan.
    case next
    /// Stop: the client gets this error.
    case none
    /// Try only targets whose context window is known to be larger than the failed target's.
    case largerContext = "larger_context"
}
