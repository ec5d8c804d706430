import Foundation

/// Why a target or an account was passed over; kept on the plan for visibility.
public enum SkipReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The account+model is rate-limited until the date.
    case resting(until: Date)
    /// The account+model is disabled until the date (model not found).
    case modelDisabled(until: Date)
    /// The whole account is disabled.
    case accountDisabled(reason: String, until: Date?)
    /// The provider+model breaker is open until the date.
    case breakerOpen(until: Date)
    /// The rate-limit headers say nothing is left until the date.
    case quotaExhausted(what: String, until: Date)
    /// A configured budget is spent for the rolling window of `window` seconds.
    case budgetExhausted(window: TimeInterval)
    /// The context window is smaller than the request.
    case contextTooSmall(window: Int, needed: Int)
    /// The model lacks capabilities the request uses.
    case missingCapabilities([String])
    /// The request's `provider` preferences exclude it.
    case excludedByPreferences(String)
    /// Its price is above the request's `max_price`.
    case priceAboveMax
    /// The provider may keep prompts and the request says `data_collection: deny`.
    case dataCollection
    /// An earlier attempt found the context too long, and this target's window is not known to be larger.
    case notLargerContext
    /// The attempt cap was reached.
    case attemptCap
    /// The request's deadline passed.
    case deadline

    /// A short human-readable reason.
    public var description: String {
        switch self {
        case .resting(let until): "rate limited until \(until.formatted(.iso8601))"
        case .modelDisabled(let until): "model disabled until \(until.formatted(.iso8601))"
        case .accountDisabled(let reason, let until):
            "account disabled (\(reason))" + (until.map { " until \($0.formatted(.iso8601))" } ?? "")
        case .breakerOpen(let until): "circuit open until \(until.formatted(.iso8601))"
        case .quotaExhausted(let what, let until): "no \(what) left until \(until.formatted(.iso8601))"
        case .budgetExhausted(let window): "budget spent for the \(Int(window)) s window"
        case .contextTooSmall(let window, let needed): "context window \(window) < \(needed) tokens"
        case .missingCapabilities(let names): "lacks \(names.joined(separator: ", "))"
        case .excludedByPreferences(let why): "excluded by provider preferences (\(why))"
        case .priceAboveMax: "price above max_price"
        case .dataCollection: "provider may collect data"
        case .notLargerContext: "context window not larger than the one that overflowed"
        case .attemptCap: "attempt cap reached"
        case .deadline: "deadline passed"
        }
    }
}

extension SkipReason {
    /// When a target skipped for this reason becomes usable again, if the reason says.
    public var until: Date? {
        switch self {
        case .resting(let until), .modelDisabled(let until), .breakerOpen(let until), .quotaExhausted(_, let until): until
        case .accountDisabled(_, let until): until
        default: nil
        }
    }
}
