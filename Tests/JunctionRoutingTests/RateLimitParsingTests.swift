import Foundation
import JunctionRouting
import Testing

@Suite("Rate-limit headers")
struct RateLimitParsingTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("Go durations", arguments: [
        ("6m0s", 360.0), ("1s", 1), ("20ms", 0.02), ("1h2m3.5s", 3723.5), ("0.5", 0.5), ("2d", 172_800), ("59.999s", 59.999),
    ])
    func goDurations(_ text: String, _ seconds: Double) throws {
        let parsed = try #require(DurationText.seconds(fromGoDuration: text))
        #expect(abs(parsed - seconds) < 0.000_001)
    }

    @Test("not durations", arguments: ["", "abc", "5x", "-3", "m5"])
    func notDurations(_ text: String) {
        #expect(DurationText.seconds(fromGoDuration: text) == nil)
    }

    @Test func openAIHeaders() {
        let info = RateLimitInfo.parse([
            "x-ratelimit-remaining-requests": "0", "x-ratelimit-remaining-tokens": "1500",
            "x-ratelimit-reset-requests": "6m0s", "x-ratelimit-reset-tokens": "20ms",
        ], now: Self.now)
        #expect(info.remainingRequests == 0)
        #expect(info.remainingTokens == 1500)
        #expect(info.requestsReset == Self.now.addingTimeInterval(360))
        #expect(info.tokensReset == Self.now.addingTimeInterval(0.02))
        #expect(info.earliestUsableAgain == Self.now.addingTimeInterval(360))
    }

    @Test func anthropicHeaders() {
        let info = RateLimitInfo.parse([
            "anthropic-ratelimit-requests-remaining": "12",
            "anthropic-ratelimit-requests-reset": "2027-01-15T08:00:00Z",
            "anthropic-ratelimit-input-tokens-remaining": "0",
            "anthropic-ratelimit-output-tokens-remaining": "9000",
            "anthropic-ratelimit-input-tokens-reset": "2027-01-15T08:00:30.500Z",
        ], now: Self.now)
        #expect(info.remainingRequests == 12)
        #expect(info.remainingTokens == 0)
        #expect(info.requestsReset == DurationText.date(fromRFC3339: "2027-01-15T08:00:00Z"))
        #expect(info.tokensReset?.timeIntervalSince1970 == DurationText.date(fromRFC3339: "2027-01-15T08:00:30Z")!.timeIntervalSince1970 + 0.5)
    }

    @Test func limitTotalsComeWithTheCounterTheyBelongTo() {
        let openAI = RateLimitInfo.parse([
            "x-ratelimit-limit-requests": "500", "x-ratelimit-remaining-requests": "499",
            "x-ratelimit-limit-tokens": "30000", "x-ratelimit-remaining-tokens": "29000",
        ], now: Self.now)
        #expect(openAI.limitRequests == 500)
        #expect(openAI.limitTokens == 30000)
        let anthropic = RateLimitInfo.parse([
            "anthropic-ratelimit-requests-limit": "50", "anthropic-ratelimit-requests-remaining": "49",
            "anthropic-ratelimit-input-tokens-limit": "40000", "anthropic-ratelimit-input-tokens-remaining": "100",
            "anthropic-ratelimit-output-tokens-limit": "8000", "anthropic-ratelimit-output-tokens-remaining": "7000",
        ], now: Self.now)
        #expect(anthropic.limitRequests == 50)
        #expect(anthropic.remainingTokens == 100)
        #expect(anthropic.limitTokens == 40000, "the total of the tightest token counter")
        #expect(anthropic.merged(with: RateLimitInfo(remainingRequests: 10)).limitRequests == 50)
    }

    @Test func retryAfterForms() {
        #expect(RateLimitInfo.parse(["Retry-After": "30"], now: Self.now).retryAfter == Self.now.addingTimeInterval(30))
        #expect(RateLimitInfo.parse(["retry-after-ms": "1500"], now: Self.now).retryAfter == Self.now.addingTimeInterval(1.5))
        let date = RateLimitInfo.parse(["Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"], now: Self.now).retryAfter
        #expect(date == Date(timeIntervalSince1970: 1_445_412_480))
    }

    @Test func epochResets() {
        let seconds = RateLimitInfo.parse(["x-ratelimit-remaining": "0", "x-ratelimit-reset": "1800000100"], now: Self.now)
        #expect(seconds.requestsReset == Self.now.addingTimeInterval(100))
        let millis = RateLimitInfo.parse(["X-RateLimit-Reset": "1800000100000"], now: Self.now)
        #expect(millis.requestsReset == Self.now.addingTimeInterval(100))
    }

    @Test func noHeadersIsEmpty() {
        #expect(RateLimitInfo.parse(["content-type": "application/json"], now: Self.now).isEmpty)
    }
}
