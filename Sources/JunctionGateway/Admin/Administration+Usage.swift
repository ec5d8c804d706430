import Foundation
import JunctionProviders
import JunctionStore
import JunctionWire

extension Administration {
    /// Usage rows by hour or day, optionally grouped, with totals.
    public func usage(_ parameters: UsageParameters) async throws(AdminError) -> JSONValue {
        let (rows, totals) = try await aggregate(parameters)
        return ["rows": .array(rows.map(Self.usageRow)), "totals": Self.usageRow(totals)]
    }

    /// The same rows as ``usage(_:)``, as CSV.
    public func usageCSV(_ parameters: UsageParameters) async throws(AdminError) -> String {
        let (rows, _) = try await aggregate(parameters)
        var lines = ["start,group,requests,errors,input_tokens,cached_tokens,output_tokens,cost_usd,saved_tokens,p50_ms,p95_ms"]
        for row in rows {
            let group = (row.group ?? "").replacingOccurrences(of: "\"", with: "\"\"")
            lines.append(
                "\(row.start.formatted(.iso8601)),\"\(group)\",\(row.requests),\(row.errors),\(row.inputTokens),\(row.cachedTokens),"
                    + "\(row.outputTokens),\(String(format: "%.6f", Double(row.costMicros) / 1e6)),\(row.savedTokens),\(row.p50Ms),\(row.p95Ms)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Today's figures (UTC), an hourly series for the last 24 hours, and the fallbacks of the last 15 minutes.
    public func overview() async throws(AdminError) -> JSONValue {
        let now = clock()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let midnight = calendar.startOfDay(for: now)
        let since = min(midnight, now.addingTimeInterval(-86_400))
        let facts = try await storing { try await store.usageFacts(since: since, until: nil) }
        let today = UsageAggregator.aggregate(facts, bucket: .all, by: nil, since: midnight).totals
        let series = UsageAggregator.aggregate(facts, bucket: .hour, by: nil, since: now.addingTimeInterval(-86_400)).rows
        let recent = try await storing { try await store.requestLog(RequestLogQuery(since: now.addingTimeInterval(-900), limit: 500)) }
        let fallbacks = recent.filter { $0.attempts > 1 }.prefix(20).map(AdminViews.record)
        let savedMicros = facts.filter { $0.createdAt >= midnight }.reduce(0.0) { total, fact in
            total + Double(fact.saverTokensSaved) * inputPrice(provider: fact.provider, model: fact.model)
        }
        return [
            "today": [
                "requests": .int(today.requests), "errors": .int(today.errors),
                "success_rate": .double(today.requests == 0 ? 1 : Double(today.requests - today.errors) / Double(today.requests)),
                "input_tokens": .int(today.inputTokens), "output_tokens": .int(today.outputTokens),
                "cost_usd": .double(Double(today.costMicros) / 1e6), "saved_tokens": .int(today.savedTokens),
                "saved_usd": .double(savedMicros / 1e6),
            ],
            "series": .array(series.map(Self.usageRow)),
            "fallbacks": .array(Array(fallbacks)),
        ]
    }

    private func aggregate(_ parameters: UsageParameters) async throws(AdminError) -> (rows: [UsageRow], totals: UsageRow) {
        let end = parameters.until ?? clock()
        let since = end.addingTimeInterval(-parameters.window)
        let facts = try await storing { try await store.usageFacts(since: since, until: parameters.until) }
        return UsageAggregator.aggregate(facts, bucket: parameters.bucket, by: parameters.grouping, since: since)
    }

    /// Dollars per million input tokens of a served model, for pricing the saver's savings.
    func inputPrice(provider: String?, model: String?) -> Double {
        guard let provider, let model, let configured = gateway.config.provider(id: provider) else { return 0 }
        return configured.prices[model]?.input ?? ProviderCatalog.profile(provider: configured.kind, model: model)?.prices?.input ?? 0
    }

    static func usageRow(_ row: UsageRow) -> JSONValue {
        [
            "start": AdminViews.date(row.start), "group": row.group.map(JSONValue.string) ?? .null, "requests": .int(row.requests),
            "errors": .int(row.errors), "input_tokens": .int(row.inputTokens), "cached_tokens": .int(row.cachedTokens),
            "output_tokens": .int(row.outputTokens), "cost_usd": .double(Double(row.costMicros) / 1e6), "saved_tokens": .int(row.savedTokens),
            "p50_ms": .int(row.p50Ms), "p95_ms": .int(row.p95Ms),
        ]
    }
}
