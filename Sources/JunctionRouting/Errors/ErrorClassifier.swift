import Foundation

/// Classifies an upstream failure from its status, headers, body text and transport kind.
///
/// A pure function: the same failure at the same `now` always gives the same class. Body text is
/// matched case-insensitively against the messages and codes providers actually send; the patterns
/// are checked before the status so that, for example, Anthropic's "prompt is too long" (a 400) is a
/// context error and OpenAI's `insufficient_quota` (a 429) is a credits error.
public enum ErrorClassifier {
    /// Messages and codes meaning the prompt does not fit the context window.
    public static let contextTooLongPatterns = [
        "context_length_exceeded",           // OpenAI, Groq, DeepSeek, Azure, vLLM
        "maximum context length",            // OpenAI-compatible servers
        "prompt is too long",                // Anthropic
        "input is too long",                 // Anthropic (Bedrock/Vertex wording)
        "exceeds the maximum number of tokens",  // Gemini: "input token count (N) exceeds the maximum number of tokens allowed"
        "exceeds the context window",
        "context window",
        "too large for model with",          // Mistral
        "reduce the length of the messages", // OpenAI, Groq
        "context length",
        "request_too_large",                 // Anthropic 413
        "model_context_window_exceeded",
        "tokens exceed",
    ]

    /// Messages and codes meaning the account has no credits left.
    public static let creditsPatterns = [
        "insufficient_quota",          // OpenAI 429 "You exceeded your current quota" (billing)
        "insufficient balance",        // DeepSeek 402
        "insufficient_balance",
        "credit balance is too low",   // Anthropic 400
        "insufficient credits",        // OpenRouter 402
        "payment required",
        "billing",
    ]

    /// Messages and codes meaning the model does not exist at this provider (or this account).
    public static let modelNotFoundPatterns = [
        "model_not_found",
        "model not found",
        "does not exist",
        "not a valid model",
        "invalid model",
        "unknown model",
        "no such model",
        "is not supported for generatecontent",
        "no endpoints found",           // OpenRouter
    ]

    /// Messages and codes meaning a rate limit or a temporary quota.
    public static let rateLimitPatterns = [
        "rate_limit", "rate limit", "ratelimit", "too many requests", "resource_exhausted",
        "quota exceeded", "exceeded your current quota", "usage_limit_reached", "throttl",
    ]

    /// Messages and codes meaning the key is wrong, revoked or lacks permission.
    public static let authPatterns = [
        "invalid_api_key", "invalid api key", "incorrect api key", "authentication_error",
        "permission_error", "unauthorized", "api key not valid", "permission_denied",
    ]

    /// Classifies `failure` as seen at `now`.
    public static func classify(_ failure: AttemptFailure, now: Date) -> ErrorClassification {
        let text = failure.body.lowercased()
        let rateLimit = RateLimitInfo.parse(failure.headers, now: now)
        let reset = rateLimit.earliestUsableAgain ?? bodyReset(text, now: now)
        let snippet = summary(failure.body)
        let prefix = failure.status.map { $0 == 200 ? "200 stream" : String($0) }
            ?? failure.transport?.rawValue ?? "error"
        func make(_ kind: ErrorKind, reset: Date? = nil) -> ErrorClassification {
            ErrorClassification(
                kind: kind,
                resetAt: reset,
                reason: snippet.isEmpty ? prefix : "\(prefix): \(snippet)",
                rateLimit: rateLimit
            )
        }

        if let transport = failure.transport, failure.status == nil || failure.status == 200 {
            // Errors inside a 200 stream carry the provider's own error event: read it.
            if transport == .streamError {
                if matches(text, contextTooLongPatterns) { return make(.contextTooLong) }
                if matches(text, creditsPatterns) { return make(.insufficientCredits, reset: reset) }
                if matches(text, rateLimitPatterns) { return make(.rateLimited, reset: reset) }
                if matches(text, authPatterns) { return make(.authInvalid) }
            }
            return make(.serverFault)
        }
        guard let status = failure.status else { return make(.serverFault) }

        switch status {
        case 429:
            if matches(text, creditsPatterns) { return make(.insufficientCredits, reset: reset) }
            return make(.rateLimited, reset: reset)
        case 402:
            return make(.insufficientCredits, reset: reset)
        case 401:
            return make(.authInvalid)
        case 403:
            if matches(text, rateLimitPatterns) { return make(.rateLimited, reset: reset) }
            if matches(text, modelNotFoundPatterns) { return make(.modelNotFound) }
            return make(.authInvalid)
        case 404:
            return make(.modelNotFound)
        case 413:
            return make(.contextTooLong)
        case 400, 422:
            if matches(text, contextTooLongPatterns) { return make(.contextTooLong) }
            if matches(text, creditsPatterns) { return make(.insufficientCredits, reset: reset) }
            if matches(text, modelNotFoundPatterns) { return make(.modelNotFound) }
            if matches(text, authPatterns) { return make(.authInvalid) }
            return make(.badRequest)
        case 408, 500...599:
            if matches(text, contextTooLongPatterns) { return make(.contextTooLong) }
            return make(.serverFault)
        case 200..<400:
            return make(.serverFault)
        default:
            if matches(text, rateLimitPatterns) { return make(.rateLimited, reset: reset) }
            return make(.otherClientError)
        }
    }

    static func matches(_ text: String, _ patterns: [String]) -> Bool {
        patterns.contains { text.contains($0) }
    }

    /// A reset named in the body: Gemini's `"retryDelay": "30s"`, Codex's `resets_in_seconds` / `resets_at`.
    static func bodyReset(_ text: String, now: Date) -> Date? {
        if let value = valueAfter(key: "\"retrydelay\"", in: text),
           let seconds = DurationText.seconds(fromGoDuration: value) {
            return now.addingTimeInterval(seconds)
        }
        if let value = valueAfter(key: "\"resets_in_seconds\"", in: text), let seconds = Double(value) {
            return now.addingTimeInterval(seconds)
        }
        if let value = valueAfter(key: "\"resets_at\"", in: text), let epoch = Double(value) {
            return Date(timeIntervalSince1970: epoch > 1e12 ? epoch / 1000 : epoch)
        }
        return nil
    }

    /// The scalar JSON value after `key:` in `text`, without quotes.
    static func valueAfter(key: String, in text: String) -> String? {
        guard let keyRange = text.range(of: key) else { return nil }
        var rest = text[keyRange.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\t" }
        if rest.first == "\"" {
            rest = rest.dropFirst()
            return String(rest.prefix { $0 != "\"" })
        }
        let value = rest.prefix { $0.isNumber || $0 == "." }
        return value.isEmpty ? nil : String(value)
    }

    /// The first line of a body, at most 160 characters, for the health state's `lastError`.
    static func summary(_ body: String) -> String {
        let line = body.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 160 ? String(line.prefix(160)) + "…" : line
    }
}
