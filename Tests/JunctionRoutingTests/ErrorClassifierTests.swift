import Foundation
import JunctionRouting
import Testing

@Suite("Error classification")
struct ErrorClassifierTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static let cases: [(String, AttemptFailure, ErrorKind)] = [
        ("429 plain", .http(429), .rateLimited),
        ("429 insufficient_quota is credits", .http(429, body: #"{"error":{"code":"insufficient_quota"}}"#), .insufficientCredits),
        ("402", .http(402), .insufficientCredits),
        ("anthropic low balance 400", .http(400, body: "Your credit balance is too low to access the Anthropic API"), .insufficientCredits),
        ("401", .http(401), .authInvalid),
        ("403", .http(403, body: "forbidden"), .authInvalid),
        ("400 invalid api key", .http(400, body: "API key not valid. Please pass a valid API key."), .authInvalid),
        ("500", .http(500), .serverFault),
        ("502", .http(502), .serverFault),
        ("529 overloaded", .http(529, body: "overloaded_error"), .serverFault),
        ("408", .http(408), .serverFault),
        ("timeout", .transport(.timeout), .serverFault),
        ("connection", .transport(.connection), .serverFault),
        ("stall", .transport(.stall, phase: .streamBeforeContent), .serverFault),
        ("empty stream", .transport(.emptyStream, phase: .streamBeforeContent), .serverFault),
        ("stream error overloaded", AttemptFailure(status: 200, body: #"{"type":"error","error":{"type":"overloaded_error"}}"#, transport: .streamError, phase: .streamBeforeContent), .serverFault),
        ("stream error rate limit", AttemptFailure(status: 200, body: #"{"type":"error","error":{"type":"rate_limit_error"}}"#, transport: .streamError, phase: .streamBeforeContent), .rateLimited),
        ("400 bad request", .http(400, body: "messages: field required"), .badRequest),
        ("422", .http(422, body: "unprocessable"), .badRequest),
        ("openai context", .http(400, body: #"{"error":{"message":"This model's maximum context length is 128000 tokens.","code":"context_length_exceeded"}}"#), .contextTooLong),
        ("anthropic context", .http(400, body: "prompt is too long: 210000 tokens > 200000 maximum"), .contextTooLong),
        ("gemini context", .http(400, body: "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)."), .contextTooLong),
        ("mistral context", .http(400, body: "Prompt contains 40000 tokens and 0 draft tokens, too large for model with 32768 maximum context length"), .contextTooLong),
        ("413", .http(413, body: "request_too_large"), .contextTooLong),
        ("404", .http(404), .modelNotFound),
        ("400 model_not_found", .http(400, body: #"{"error":{"code":"model_not_found"}}"#), .modelNotFound),
        ("openrouter no endpoints", .http(400, body: "No endpoints found for foo/bar"), .modelNotFound),
        ("406 other", .http(406), .otherClientError),
    ]

    @Test("classifies", arguments: cases)
    func classifies(_ name: String, _ failure: AttemptFailure, _ expected: ErrorKind) {
        #expect(ErrorClassifier.classify(failure, now: Self.now).kind == expected, "\(name)")
    }

    @Test func resetTimesComeFromHeadersAndBodies() {
        let now = Self.now
        let retryAfter = ErrorClassifier.classify(.http(429, headers: ["Retry-After": "30"]), now: now)
        #expect(retryAfter.resetAt == now.addingTimeInterval(30))
        let gemini = ErrorClassifier.classify(.http(429, body: #"{"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay": "45s"}]}"#), now: now)
        #expect(gemini.resetAt == now.addingTimeInterval(45))
        let codex = ErrorClassifier.classify(.http(429, body: #"{"error":{"type":"usage_limit_reached","resets_in_seconds": 18000}}"#), now: now)
        #expect(codex.resetAt == now.addingTimeInterval(18_000))
        #expect(codex.reason.hasPrefix("429: "))
    }
}
