/// Why a client key's request was refused before routing.
public enum KeyLimitReason: String, Sendable, Hashable, CaseIterable {
    case modelNotAllowed = "model_not_allowed"
    case rateLimited = "rate_limited"
    case tokensPerDay = "tokens_per_day"
    case usdPerDay = "usd_per_day"
    case usdPerMonth = "usd_per_month"

    /// The HTTP status to answer with: 403 for a model the key may not use, 429 for the rest.
    public var status: Int { self == .modelNotAllowed ? 403 : 429 }
}

/// A refusal by a client key's limits: a reason code, a message for the client and when to retry.
public struct KeyLimitRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: KeyLimitReason
    /// Names the limit and its value; never the key itself.
    public var message: String
    /// Whole seconds until the request could succeed (for `Retry-After`); `nil` for a model refusal,
    /// which time does not lift.
    public var retryAfter: Int?

    public init(reason: KeyLimitReason, message: String, retryAfter: Int?) {
        self.reason = reason
        self.message = message
        self.retryAfter = retryAfter
    }

    public var status: Int { reason.status }
    public var description: String { "\(reason.rawValue): \(message)" }
}

/// The outcome of ``KeyLimitCheck/decide(_:)``.
public enum KeyLimitDecision: Sendable, Hashable {
    case allowed
    case refused(KeyLimitRefusal)

    public var refusal: KeyLimitRefusal? {
        if case .refused(let refusal) = self { return refusal }
        return nil
    }
}
