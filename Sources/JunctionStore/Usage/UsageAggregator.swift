public import Foundation

/// Sums ledger facts into rows by time bucket and group, with latency percentiles.
///
/// Pure and deterministic: the same facts give the same rows in the same order, whatever order the
/// facts come in. Both stores feed it through ``Store/usageFacts(since:until:)``, so the CLI, the
/// admin API and the dashboard agree to the request.
///
/// ```swift
/// let facts = try await store.usageFacts(since: since, until: nil)
/// let (rows, totals) = UsageAggregator.aggregate(facts, bucket: .day, by: .provider, since: since)
/// ```
public enum UsageAggregator {
    /// Sums `facts` created at or after `since` into rows sorted by bucket start, then busiest group
    /// first (ties by group name, `nil` last), and one totals row over all of them.
    public static func aggregate(
        _ facts: [UsageFact], bucket: UsageBucket, by grouping: UsageGrouping?, since: Date
    ) -> (rows: [UsageRow], totals: UsageRow) {
        var groups: [RowKey: Accumulator] = [:]
        var total = Accumulator()
        for fact in facts where fact.createdAt >= since {
            let key = RowKey(start: start(of: fact.createdAt, bucket: bucket, since: since), group: grouping.flatMap { group(of: fact, by: $0) })
            groups[key, default: Accumulator()].add(fact)
            total.add(fact)
        }
        let rows = groups.map { $0.value.row(start: $0.key.start, group: $0.key.group) }.sorted(by: ordered)
        return (rows, total.row(start: since, group: nil))
    }

    /// The start of the bucket holding `date`: its UTC hour or day, or `since` for ``UsageBucket/all``.
    public static func start(of date: Date, bucket: UsageBucket, since: Date) -> Date {
        // Unix time has no leap seconds, so whole hours and days since the epoch are UTC hours and days.
        let width: Double
        switch bucket {
        case .all: return since
        case .hour: width = 3600
        case .day: width = 86_400
        }
        return Date(timeIntervalSince1970: (date.timeIntervalSince1970 / width).rounded(.down) * width)
    }

    /// The value `fact` is grouped under; ``UsageGrouping/model`` joins provider and model.
    public static func group(of fact: UsageFact, by grouping: UsageGrouping) -> String? {
        switch grouping {
        case .key: return fact.clientKey
        case .provider: return fact.provider
        case .combo: return fact.combo
        case .model:
            guard let model = fact.model else { return nil }
            return fact.provider.map { "\($0)/\(model)" } ?? model
        }
    }

    /// Nearest-rank percentile (`p` in 0...100) of values sorted ascending; 0 when empty.
    public static func percentile(_ p: Double, ofSorted values: [Int]) -> Int {
        guard !values.isEmpty else { return 0 }
        let rank = Int((p * Double(values.count) / 100).rounded(.up))
        return values[min(max(rank, 1), values.count) - 1]
    }

    private static func ordered(_ a: UsageRow, _ b: UsageRow) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.requests != b.requests { return a.requests > b.requests }
        switch (a.group, b.group) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        default: return false
        }
    }
}

private struct RowKey: Hashable {
    var start: Date
    var group: String?
}

private struct Accumulator {
    var row = UsageRow(start: .distantPast, group: nil)
    var latencies: [Int] = []

    mutating func add(_ fact: UsageFact) {
        row.requests += 1
        if fact.status >= 400 { row.errors += 1 }
        row.inputTokens += fact.inputTokens
        row.cachedTokens += fact.cachedInputTokens
        row.outputTokens += fact.outputTokens
        row.costMicros += fact.costMicros
        row.savedTokens += fact.saverTokensSaved
        latencies.append(fact.latencyMs)
    }

    func row(start: Date, group: String?) -> UsageRow {
        var result = row
        result.start = start
        result.group = group
        let sorted = latencies.sorted()
        result.p50Ms = UsageAggregator.percentile(50, ofSorted: sorted)
        result.p95Ms = UsageAggregator.percentile(95, ofSorted: sorted)
        return result
    }
}
