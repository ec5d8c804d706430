import Foundation
import JunctionGateway
import JunctionStore
import Synchronization
import Testing

@Suite struct KeyLimitTests {
    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static let noon = date("2026-03-10T12:00:00Z")

    // MARK: KeyLimitCheck

    @Test func noLimitsAllowsEverything() {
        let check = KeyLimitCheck(
            limits: KeyLimits(), model: "oai/gpt-4o", now: Self.noon, today: KeyUsage(requests: 9, tokens: 1_000_000, costMicros: 9_000_000),
            thisMonth: KeyUsage(requests: 99, tokens: 9_000_000, costMicros: 99_000_000), requestsInWindow: 5_000)
        #expect(check.decide() == .allowed)
    }

    @Test func modelNotAllowedIs403WithoutRetry() throws {
        let limits = KeyLimits(allowedModels: ["oai/gpt-4o", "fast"])
        #expect(KeyLimitCheck(limits: limits, model: "oai/gpt-4o", now: Self.noon).decide() == .allowed)
        #expect(KeyLimitCheck(limits: limits, model: "fast", now: Self.noon).decide() == .allowed, "a combo name")
        let refusal = try #require(KeyLimitCheck(limits: limits, model: "oai/gpt-4o-mini", now: Self.noon).decide().refusal)
        #expect(refusal.reason == .modelNotAllowed)
        #expect(refusal.status == 403)
        #expect(refusal.retryAfter == nil)
        #expect(refusal.message.contains("\"oai/gpt-4o-mini\""))
        #expect(refusal.message.contains("oai/gpt-4o, fast"))
        let none = try #require(KeyLimitCheck(limits: KeyLimits(allowedModels: []), model: "fast", now: Self.noon).decide().refusal)
        #expect(none.reason == .modelNotAllowed, "an empty list allows nothing")
    }

    @Test(arguments: [
        ("oai/*", "oai/gpt-4o", true), ("oai/*", "oai/o3/mini", true), ("oai/*", "oai/", false), ("oai/*", "oai", false),
        ("oai/*", "oaix/gpt-4o", false), ("oai/*", "anthropic/claude", false), ("*", "anything", true),
        ("oai/gpt-4o", "oai/gpt-4o", true), ("oai/gpt-4o", "OAI/gpt-4o", false), ("fast", "fast-2", false),
    ])
    func wildcardEntriesMatchAProvidersModels(entry: String, model: String, allowed: Bool) {
        #expect(KeyLimitCheck.allows([entry], model: model) == allowed)
    }

    @Test func requestsPerMinuteRetriesWhenTheOldestLeavesTheWindow() throws {
        let limits = KeyLimits(requestsPerMinute: 3)
        let under = KeyLimitCheck(limits: limits, model: "m", now: Self.noon, requestsInWindow: 2, oldestInWindow: Self.noon.addingTimeInterval(-50))
        #expect(under.decide() == .allowed)
        var at = under
        at.requestsInWindow = 3
        let refusal = try #require(at.decide().refusal)
        #expect(refusal.reason == .rateLimited)
        #expect(refusal.status == 429)
        #expect(refusal.retryAfter == 10)
        #expect(refusal.message.contains("3 requests per minute"))
        at.oldestInWindow = Self.noon.addingTimeInterval(-59.5)
        #expect(at.decide().refusal?.retryAfter == 1, "rounded up to a whole second")
        at.oldestInWindow = Self.noon.addingTimeInterval(-12.25)
        #expect(at.decide().refusal?.retryAfter == 48)
        let zero = KeyLimitCheck(limits: KeyLimits(requestsPerMinute: 0), model: "m", now: Self.noon)
        #expect(zero.decide().refusal?.retryAfter == 60)
    }

    @Test func requestsPerMinuteAboveTheWindowCapacityIsClamped() throws {
        let limits = KeyLimits(requestsPerMinute: 1_000_000)
        let check = KeyLimitCheck(
            limits: limits, model: "m", now: Self.noon, requestsInWindow: RequestRateWindow.defaultCapacity, oldestInWindow: Self.noon)
        let refusal = try #require(check.decide().refusal)
        #expect(refusal.message.contains("10000 requests per minute"))
    }

    @Test func tokensPerDayRetriesAtUTCMidnight() throws {
        let limits = KeyLimits(tokensPerDay: 1000)
        let now = Self.date("2026-01-31T23:59:30Z")
        #expect(KeyLimitCheck(limits: limits, model: "m", now: now, today: KeyUsage(tokens: 999)).decide() == .allowed)
        let refusal = try #require(KeyLimitCheck(limits: limits, model: "m", now: now, today: KeyUsage(tokens: 1000)).decide().refusal)
        #expect(refusal.reason == .tokensPerDay)
        #expect(refusal.status == 429)
        #expect(refusal.retryAfter == 30)
        #expect(refusal.message.contains("1000 tokens per day"))
        let morning = KeyLimitCheck(limits: limits, model: "m", now: Self.date("2026-02-01T00:00:00Z"), today: KeyUsage(tokens: 5000))
        #expect(morning.decide().refusal?.retryAfter == 86_400)
    }

    @Test func dollarsPerDay() throws {
        let limits = KeyLimits(costMicrosPerDay: 5_000_000)
        let now = Self.date("2026-06-15T18:00:00Z")
        #expect(KeyLimitCheck(limits: limits, model: "m", now: now, today: KeyUsage(costMicros: 4_999_999)).decide() == .allowed)
        let refusal = try #require(KeyLimitCheck(
            limits: limits, model: "m", now: now, today: KeyUsage(costMicros: 5_000_001), thisMonth: KeyUsage(costMicros: 5_000_001)).decide().refusal)
        #expect(refusal.reason == .usdPerDay)
        #expect(refusal.retryAfter == 6 * 3600)
        #expect(refusal.message.contains("$5.0000 per day"))
    }

    @Test(arguments: [
        ("2026-01-31T23:59:30Z", 30), ("2026-02-28T23:00:00Z", 3600), ("2028-02-28T00:00:00Z", 2 * 86_400),
        ("2026-12-31T23:59:59Z", 1), ("2026-04-01T00:00:00Z", 30 * 86_400),
    ])
    func dollarsPerMonthRetriesOnTheFirstOfNextMonth(now: String, seconds: Int) throws {
        let limits = KeyLimits(costMicrosPerMonth: 100_000_000)
        let refusal = try #require(KeyLimitCheck(
            limits: limits, model: "m", now: Self.date(now), thisMonth: KeyUsage(costMicros: 100_000_000)).decide().refusal)
        #expect(refusal.reason == .usdPerMonth)
        #expect(refusal.status == 429)
        #expect(refusal.retryAfter == seconds)
        #expect(refusal.message.contains("$100.0000 per month"))
    }

    @Test func checksRunInOrder() {
        let limits = KeyLimits(requestsPerMinute: 1, tokensPerDay: 1, costMicrosPerDay: 1, costMicrosPerMonth: 1, allowedModels: ["a/*"])
        let spent = KeyUsage(requests: 1, tokens: 1, costMicros: 1)
        var check = KeyLimitCheck(limits: limits, model: "b/x", now: Self.noon, today: spent, thisMonth: spent, requestsInWindow: 1)
        #expect(check.decide().refusal?.reason == .modelNotAllowed)
        check.model = "a/x"
        #expect(check.decide().refusal?.reason == .rateLimited)
        check.requestsInWindow = 0
        #expect(check.decide().refusal?.reason == .tokensPerDay)
        check.today.tokens = 0
        #expect(check.decide().refusal?.reason == .usdPerDay)
        check.today.costMicros = 0
        #expect(check.decide().refusal?.reason == .usdPerMonth)
        check.thisMonth.costMicros = 0
        #expect(check.decide() == .allowed)
    }

    @Test func utcPeriods() {
        let now = Self.date("2026-02-28T23:59:59Z")
        #expect(UTCPeriod.dayStart(now) == Self.date("2026-02-28T00:00:00Z"))
        #expect(UTCPeriod.nextDayStart(now) == Self.date("2026-03-01T00:00:00Z"))
        #expect(UTCPeriod.monthStart(now) == Self.date("2026-02-01T00:00:00Z"))
        #expect(UTCPeriod.nextMonthStart(Self.date("2026-12-15T08:00:00Z")) == Self.date("2027-01-01T00:00:00Z"))
    }

    // MARK: RequestRateWindow

    @Test func windowCountsAndFindsTheOldest() {
        let window = RequestRateWindow()
        for offset in [0.0, 10, 20, 30] { window.record(key: "a", at: Self.noon.addingTimeInterval(offset)) }
        window.record(key: "b", at: Self.noon)
        let now = Self.noon.addingTimeInterval(65)
        #expect(window.count(key: "a", since: now.addingTimeInterval(-60)) == 3)
        #expect(window.oldest(key: "a", since: now.addingTimeInterval(-60)) == Self.noon.addingTimeInterval(10))
        #expect(window.count(key: "b", since: now.addingTimeInterval(-60)) == 0)
        #expect(window.oldest(key: "b", since: now.addingTimeInterval(-60)) == nil)
        #expect(window.count(key: "nobody", since: Self.noon) == 0)
        window.record(key: "a", at: Self.noon.addingTimeInterval(5))
        #expect(window.count(key: "a", since: Self.noon.addingTimeInterval(1)) == 4, "an out-of-order timestamp is kept in order")
    }

    @Test func windowPrunesOldEntriesAndSilentKeys() {
        let window = RequestRateWindow(retention: 60)
        window.record(key: "a", at: Self.noon)
        window.record(key: "b", at: Self.noon)
        #expect(window.keyCount == 2)
        window.record(key: "a", at: Self.noon.addingTimeInterval(61))
        #expect(window.count(key: "a", since: .distantPast) == 1, "the first one aged out")
        #expect(window.count(key: "b", since: .distantPast) == 0)
        #expect(window.keyCount == 1, "b fell silent and was swept")
    }

    @Test func windowCapsTimestampsPerKey() {
        let window = RequestRateWindow(capacity: 100)
        for index in 0..<250 { window.record(key: "a", at: Self.noon.addingTimeInterval(Double(index) / 1000)) }
        #expect(window.count(key: "a", since: .distantPast) == 100)
        #expect(window.oldest(key: "a", since: .distantPast) == Self.noon.addingTimeInterval(0.15))
    }

    // MARK: KeyUsageCache

    final class ManualClock: Sendable {
        private let date = Mutex(KeyLimitTests.noon)
        var now: Date { date.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { date.withLock { $0.addTimeInterval(seconds) } }
    }

    final class CountingLoader: Sendable {
        private let state = Mutex((reads: 0, usage: KeyUsage()))
        var reads: Int { state.withLock { $0.reads } }
        func set(_ usage: KeyUsage) { state.withLock { $0.usage = usage } }
        func load(_ key: String, _ since: Date) async throws -> KeyUsage {
            state.withLock { state in
                state.reads += 1
                return state.usage
            }
        }
    }

    @Test func cacheReadsOncePerTTL() async throws {
        let clock = ManualClock()
        let loader = CountingLoader()
        loader.set(KeyUsage(requests: 2, tokens: 100, costMicros: 50))
        let cache = KeyUsageCache(ttl: 1, now: { clock.now }, load: loader.load)
        let day = UTCPeriod.dayStart(clock.now)
        for _ in 0..<5 { #expect(try await cache.usage(key: "a", since: day) == KeyUsage(requests: 2, tokens: 100, costMicros: 50)) }
        #expect(loader.reads == 1)
        loader.set(KeyUsage(requests: 3, tokens: 150, costMicros: 70))
        clock.advance(0.5)
        #expect(try await cache.usage(key: "a", since: day).tokens == 100, "still fresh")
        clock.advance(0.6)
        #expect(try await cache.usage(key: "a", since: day).tokens == 150, "stale after the ttl")
        #expect(loader.reads == 2)
        _ = try await cache.usage(key: "a", since: UTCPeriod.monthStart(clock.now))
        _ = try await cache.usage(key: "b", since: day)
        #expect(loader.reads == 4, "each key and window has its own read")
    }

    @Test func cacheSharesOneReadAmongConcurrentCallers() async throws {
        let loader = CountingLoader()
        let cache = KeyUsageCache(ttl: 60) { key, since in
            try await Task.sleep(for: .milliseconds(50))
            return try await loader.load(key, since)
        }
        try await withThrowingTaskGroup(of: KeyUsage.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.usage(key: "a", since: Self.noon) } }
            for try await _ in group {}
        }
        #expect(loader.reads == 1)
    }

    @Test func cacheAddsLocalRequestsUntilTheNextRead() async throws {
        let clock = ManualClock()
        let loader = CountingLoader()
        loader.set(KeyUsage(requests: 1, tokens: 100, costMicros: 10))
        let cache = KeyUsageCache(ttl: 1, now: { clock.now }, load: loader.load)
        let day = UTCPeriod.dayStart(clock.now)
        _ = try await cache.usage(key: "a", since: day)
        clock.advance(0.2)
        cache.add(key: "a", tokens: 40, costMicros: 4)
        cache.add(key: "a", tokens: 60, costMicros: 6)
        cache.add(key: "b", tokens: 1, costMicros: 1)
        #expect(try await cache.usage(key: "a", since: day) == KeyUsage(requests: 3, tokens: 200, costMicros: 20))
        #expect(loader.reads == 1)
        // The ledger caught up; the next read includes those rows, so the adds stop counting.
        loader.set(KeyUsage(requests: 3, tokens: 200, costMicros: 20))
        clock.advance(1)
        #expect(try await cache.usage(key: "a", since: day) == KeyUsage(requests: 3, tokens: 200, costMicros: 20))
        clock.advance(0.1)
        cache.add(key: "a", tokens: 5, costMicros: 1)
        #expect(try await cache.usage(key: "a", since: day) == KeyUsage(requests: 4, tokens: 205, costMicros: 21))
    }

    @Test func ledgerLagKeepsAddsAcrossARead() async throws {
        let clock = ManualClock()
        let loader = CountingLoader()
        let cache = KeyUsageCache(ttl: 1, ledgerLag: 5, now: { clock.now }, load: loader.load)
        _ = try await cache.usage(key: "a", since: Self.noon)
        cache.add(key: "a", tokens: 10, costMicros: 1)
        clock.advance(2)
        #expect(try await cache.usage(key: "a", since: Self.noon).tokens == 10, "the ledger may not have it yet")
        clock.advance(5)
        #expect(try await cache.usage(key: "a", since: Self.noon).tokens == 0)
    }

    @Test func cacheDoesNotKeepAFailedRead() async throws {
        struct Down: Error {}
        final class Switch: Sendable { let failing = Mutex(true) }
        let store = Switch()
        let cache = KeyUsageCache(ttl: 60) { _, _ in
            if store.failing.withLock({ $0 }) { throw Down() }
            return KeyUsage(requests: 1)
        }
        await #expect(throws: Down.self) { try await cache.usage(key: "a", since: Self.noon) }
        store.failing.withLock { $0 = false }
        #expect(try await cache.usage(key: "a", since: Self.noon).requests == 1)
    }
}
