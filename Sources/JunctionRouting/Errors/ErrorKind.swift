import Foundation

/// The classes of upstream failure that the error table maps to effects.
///
/// The raw values are the names used in the configuration's `errors:` table and in the docs.
public enum ErrorKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 429, "rate limit", "quota exceeded": the account rests until its reset.
    case rateLimited = "rate_limited"
    /// 401, 403, invalid key: the account is disabled until its key changes or an admin re-enables it.
    case authInvalid = "auth_invalid"
    /// 402, insufficient credits or balance: the account is disabled for its quota window.
    case insufficientCredits = "insufficient_credits"
    /// 5xx, timeout, connection error, error event inside a 200 stream, empty stream, stall.
    case serverFault = "server_fault"
    /// 400 or 422: the client's mistake; it gets the error, nothing cools down.
    case badRequest = "bad_request"
    /// The prompt does not fit the model's context window.
    case contextTooLong = "context_too_long"
    /// 404 or an unknown-model message: that account+model is disabled for a while.
    case modelNotFound = "model_not_found"
    /// Any other 4xx (405, 406, 409, …): nothing cools down, the next target is tried.
    case otherClientError = "other_client_error"
}

/// The result of classifying one failure: its kind, the reset time the provider gave (if any) and a
/// short reason kept in the health state.
public struct ErrorClassification: Sendable, Hashable, Codable {
    /// The class of failure.
    public var kind: ErrorKind
    /// When the provider said the account may be used again (`Retry-After`, reset headers, a reset in the body).
    public var resetAt: Date?
    /// A one-line reason, e.g. `429: Rate limit reached for gpt-4o`.
    public var reason: String
    /// Rate-limit headers read from the failing response.
    public var rateLimit: RateLimitInfo

    /// Creates a classification.
    public init(kind: ErrorKind, resetAt: Date? = nil, reason: String, rateLimit: RateLimitInfo = RateLimitInfo()) {
        self.kind = kind
        self.resetAt = resetAt
        self.reason = reason
        self.rateLimit = rateLimit
    }
}
