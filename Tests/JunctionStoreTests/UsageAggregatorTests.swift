import Foundation
import JunctionStore
import Testing

@Suite struct UsageAggregatorTests {
    /// 2026-01-31T00:00:00Z.
    static let midnight = Date(timeIntervalSince1970: 1_769_817_600)

    static func fact(
        _ offset: TimeInterval, key: String? = "ci", provider: String? = "p1", model: String? = "gpt-4o", combo: String? = nil,
        status: Int = 200, latency: Int = 100, input: Int = 10, cached: Int = 0, output: Int = 5, cost: Int = 7, saved: Int = 0
    ) -> UsageFact {
        UsageFact(
            createdAt: midnight.addingTimeInterval(offset), clientKey: key, provider: provider, model: model, combo: combo,
            status: status, latencyMs: latency, inputTokens: input, outputTokens: output, cachedInputTokens: cached,
            costMicros: cost, saverTokensSaved: saved)
    }

    @Test func hourBucketsSplitAtTheHourAndDayBoundaries() {
        let since = Self.midnight.addingTimeInterval(-7200)
        let facts = [
            Self.fact(-1), Self.fact(-3599), Self.fact(-3600), Self.fact(0), Self.fact(1), Self.fact(3599), Self.fact(3600),
        ]
        let (rows, totals) = UsageAggregator.aggregate(facts, bucket: .hour, by: nil, since: since)
        #expect(rows.map(\.start) == [-3600.0, 0, 3600].map { Self.midnight.addingTimeInterval($0) })
        #expect(rows.map(\.requests) == [3, 3, 1])
        #expect(rows.allSatisfy { $0.group == nil })
        #expect(totals.requests == 7)
        #expect(totals.start == since)
    }

    @Test func dayBucketsStartAtUTCMidnight() {
        let since = Self.midnight.addingTimeInterval(-2 * 86_400)
        let facts = [Self.fact(-86_401), Self.fact(-1), Self.fact(0), Self.fact(86_399), Self.fact(86_400)]
        let rows = UsageAggregator.aggregate(facts, bucket: .day, by: nil, since: since).rows
        #expect(rows.map(\.start) == [-172_800.0, -86_400, 0, 86_400].map { Self.midnight.addingTimeInterval($0) })
        #expect(rows.map(\.requests) == [1, 1, 2, 1])
        #expect(UsageAggregator.start(of: Self.midnight.addingTimeInterval(12 * 3600 + 5), bucket: .day, since: since) == Self.midnight)
    }

    @Test func allBucketStartsAtSinceAndDropsOlderFacts() {
        let since = Self.midnight
        let rows = UsageAggregator.aggregate([Self.fact(-10), Self.fact(10), Self.fact(5000)], bucket: .all, by: nil, since: since).rows
        #expect(rows.count == 1)
        #expect(rows[0].start == since)
        #expect(rows[0].requests == 2, "the fact before since is left out")
    }

    @Test func groupsSortBusiestFirstWithNilLast() {
        let facts = [
            Self.fact(1, provider: "b"), Self.fact(2, provider: "a"), Self.fact(3, provider: "c"), Self.fact(4, provider: "c"),
            Self.fact(5, provider: nil), Self.fact(6, provider: nil), Self.fact(7, provider: "b"),
        ]
        let rows = UsageAggregator.aggregate(facts, bucket: .all, by: .provider, since: Self.midnight).rows
        #expect(rows.map(\.group) == ["b", "c", nil, "a"])
        #expect(rows.map(\.requests) == [2, 2, 2, 1])
        let shuffled = UsageAggregator.aggregate(facts.reversed(), bucket: .all, by: .provider, since: Self.midnight).rows
        #expect(shuffled == rows, "the order of the facts does not matter")
    }

    @Test(arguments: [
        (UsageGrouping.key, ["k1", "k2", nil]),
        (.model, ["p1/m1", "p2/m1", "m2"]),
        (.combo, ["fast", nil]),
    ] as [(UsageGrouping, [String?])])
    func eachGroupingReadsItsColumn(grouping: UsageGrouping, expected: [String?]) {
        let facts = [
            Self.fact(1, key: "k1", provider: "p1", model: "m1", combo: "fast"),
            Self.fact(2, key: "k1", provider: "p1", model: "m1", combo: "fast"),
            Self.fact(3, key: "k1", provider: "p1", model: "m1", combo: "fast"),
            Self.fact(4, key: "k2", provider: "p2", model: "m1"),
            Self.fact(5, key: "k2", provider: "p2", model: "m1"),
            Self.fact(6, key: nil, provider: nil, model: "m2"),
        ]
        let rows = UsageAggregator.aggregate(facts, bucket: .all, by: grouping, since: Self.midnight).rows
        #expect(rows.map(\.group) == expected)
    }

    @Test func percentilesAreNearestRank() {
        let facts = (1...100).reversed().map { Self.fact(Double($0), latency: $0) }
        let totals = UsageAggregator.aggregate(facts, bucket: .all, by: nil, since: Self.midnight).totals
        #expect(totals.p50Ms == 50)
        #expect(totals.p95Ms == 95)
        let one = UsageAggregator.aggregate([Self.fact(1, latency: 42)], bucket: .all, by: nil, since: Self.midnight).totals
        #expect(one.p50Ms == 42 && one.p95Ms == 42)
        let four = UsageAggregator.aggregate([10, 20, 30, 40].map { Self.fact(1, latency: $0) }, bucket: .all, by: nil, since: Self.midnight).totals
        #expect(four.p50Ms == 20 && four.p95Ms == 40)
        let none = UsageAggregator.aggregate([], bucket: .hour, by: .key, since: Self.midnight)
        #expect(none.rows.isEmpty)
        #expect(none.totals == UsageRow(start: Self.midnight, group: nil))
    }

    @Test func countsErrorsAndSumsTokensCostAndSavings() {
        let facts = [
            Self.fact(1, provider: "a", status: 200, input: 100, cached: 40, output: 20, cost: 1_500, saved: 30),
            Self.fact(2, provider: "a", status: 399, input: 1, cached: 0, output: 2, cost: 3, saved: 4),
            Self.fact(3, provider: "a", status: 400, input: 0, cached: 0, output: 0, cost: 0, saved: 0),
            Self.fact(4, provider: "b", status: 503, input: 5, cached: 1, output: 0, cost: 0, saved: 2),
        ]
        let (rows, totals) = UsageAggregator.aggregate(facts, bucket: .all, by: .provider, since: Self.midnight)
        #expect(rows[0] == UsageRow(
            start: Self.midnight, group: "a", requests: 3, errors: 1, inputTokens: 101, cachedTokens: 40, outputTokens: 22,
            costMicros: 1_503, savedTokens: 34, p50Ms: 100, p95Ms: 100))
        #expect(rows[1].errors == 1)
        #expect(totals.requests == 4 && totals.errors == 2)
        #expect(totals.inputTokens == 106 && totals.cachedTokens == 41 && totals.outputTokens == 22)
        #expect(totals.costMicros == 1_503 && totals.savedTokens == 36)
        #expect(totals.group == nil)
    }

    @Test(arguments: [
        ("30m", 1800.0), ("24h", 86_400), ("7d", 604_800), ("2w", 1_209_600), ("90s", 90), ("3600", 3600), ("1.5h", 5400),
        (" 24H ", 86_400),
    ] as [(String, Double)])
    func parsesWindows(text: String, seconds: Double) {
        #expect(UsageAggregator.parseWindow(text) == seconds)
    }

    @Test(arguments: ["", "h", "24x", "-1h", "0h", "0", "1e3", "inf", "nan", "1.2.3h", "24 h", "h24", "２h"])
    func rejectsGarbledWindows(text: String) {
        #expect(UsageAggregator.parseWindow(text) == nil)
    }
}
