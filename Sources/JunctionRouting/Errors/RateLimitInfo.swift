import Foundation

/// What a response's rate-limit headers say about an account's remaining quota.
///
/// Read from every response, successful or not, so that an account with nothing left is passed over
/// until its reset instead of being tried and failing.
public struct RateLimitInfo: Sendable, Hashable, Codable {
    /// Requests left in the current window.
    public var remainingRequests: Int?
    /// Tokens left in the current window (the smallest of the token counters the provider sends).
    public var remainingTokens: Int?
    /// When the request counter resets.
    public var requestsReset: Date?
    /// When the token counter resets.
    public var tokensReset: Date?
    /// The time `Retry-After` (or `retry-after-ms`) names.
    public var retryAfter: Date?
    /// The request counter's size per window (`x-ratelimit-limit-requests`), for showing how much is left.
    public var limitRequests: Int?
    /// The size of the token counter that ``remainingTokens`` comes from.
    public var limitTokens: Int?

    /// Creates a value.
    public init(
        remainingRequests: Int? = nil,
        remainingTokens: Int? = nil,
        requestsReset: Date? = nil,
        tokensReset: Date? = nil,
        retryAfter: Date? = nil
    ) {
        self.remainingRequests = remainingRequests
        self.remainingTokens = remainingTokens
        self.requestsReset = requestsReset
        self.tokensReset = tokensReset
        self.retryAfter = retryAfter
    }

    /// Whether no header was understood.
    public var isEmpty: Bool {
        remainingRequests == nil && remainingTokens == nil && requestsReset == nil && tokensReset == nil && retryAfter == nil
    }

    /// The time after which a rate-limited account may be tried again: `Retry-After` first, else the
    /// reset of whichever counter is spent, else the latest reset given.
    public var earliestUsableAgain: Date? {
        if let retryAfter { return retryAfter }
        var spent: [Date] = []
        if remainingRequests == 0, let requestsReset { spent.append(requestsReset) }
        if remainingTokens == 0, let tokensReset { spent.append(tokensReset) }
        if let latest = spent.max() { return latest }
        return [requestsReset, tokensReset].compactMap { $0 }.max()
    }

    /// Parses the rate-limit headers of OpenAI (and Groq, DeepSeek, xAI, …), Anthropic, OpenRouter
    /// and `Retry-After`.
    ///
    /// - `x-ratelimit-remaining-requests` / `-tokens` with `x-ratelimit-reset-requests` / `-tokens`
    ///   in Go duration format (`6m0s`, `1s`, `20ms`);
    /// - `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-remaining` / `-reset` in RFC 3339;
    /// - `x-ratelimit-remaining` / `x-ratelimit-reset` (epoch seconds or milliseconds, or seconds from now);
    /// - `retry-after` (seconds or HTTP date) and `retry-after-ms`.
    public static func parse(_ headers: HeaderFields, now: Date) -> RateLimitInfo {
        var info = RateLimitInfo()
        func int(_ name: String) -> Int? {
            guard let text = headers[name] else { return nil }
            if let value = Int(text) { return value }
            return Double(text).map { Int($0) }
        }
        info.remainingRequests = int("x-ratelimit-remaining-requests")
            ?? int("anthropic-ratelimit-requests-remaining")
            ?? int("x-ratelimit-remaining")
        info.limitRequests = int("x-ratelimit-limit-requests") ?? int("anthropic-ratelimit-requests-limit") ?? int("x-ratelimit-limit")
        let tokenCounters: [(remaining: Int, limit: Int?)] = [
            ("x-ratelimit-remaining-tokens", "x-ratelimit-limit-tokens"),
            ("anthropic-ratelimit-tokens-remaining", "anthropic-ratelimit-tokens-limit"),
            ("anthropic-ratelimit-input-tokens-remaining", "anthropic-ratelimit-input-tokens-limit"),
            ("anthropic-ratelimit-output-tokens-remaining", "anthropic-ratelimit-output-tokens-limit"),
        ].compactMap { names in int(names.0).map { ($0, int(names.1)) } }
        let tightest = tokenCounters.min { $0.remaining < $1.remaining }
        info.remainingTokens = tightest?.remaining
        info.limitTokens = tightest?.limit

        info.requestsReset = headers["x-ratelimit-reset-requests"].flatMap { DurationText.resetTime($0, now: now) }
            ?? headers["anthropic-ratelimit-requests-reset"].flatMap { DurationText.resetTime($0, now: now) }
            ?? headers["x-ratelimit-reset"].flatMap { DurationText.resetTime($0, now: now) }
        let tokenResets = [
            headers["x-ratelimit-reset-tokens"],
            headers["anthropic-ratelimit-tokens-reset"],
            headers["anthropic-ratelimit-input-tokens-reset"],
            headers["anthropic-ratelimit-output-tokens-reset"],
        ].compactMap { $0 }.compactMap { DurationText.resetTime($0, now: now) }
        info.tokensReset = tokenResets.max()

        if let milliseconds = headers["retry-after-ms"].flatMap({ Double($0) }), milliseconds >= 0 {
            info.retryAfter = now.addingTimeInterval(milliseconds / 1000)
        } else if let text = headers["retry-after"] {
            info.retryAfter = DurationText.retryAfter(text, now: now)
        }
        return info
    }
}
