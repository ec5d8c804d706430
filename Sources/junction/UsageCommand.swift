import ArgumentParser
import Foundation
import JunctionGateway
import JunctionProviders
import JunctionStore
import JunctionWire

/// `junction usage`: what the ledger says: requests, errors, tokens, cost, latency and the token
/// saver's savings, by provider, model, key or combo, over the whole window or per UTC hour or day.
struct UsageCommand: JunctionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "usage", abstract: "Show requests, tokens, cost, latency and saver savings from the usage ledger.")

    @OptionGroup var store: StoreOptions

    @Option(help: "How far back: 30m, 24h, 7d, 2w or seconds.")
    var since: String = "24h"

    @Option(help: "Group rows by provider, model (provider/model), key or combo.")
    var by: String = UsageGrouping.model.rawValue

    @Option(help: "One row per group over the whole window (all), or per UTC hour or day.")
    var bucket: String = UsageBucket.all.rawValue

    @Option(help: .hidden)
    var hours: Double?

    func validate() throws {
        if window == nil {
            throw ValidationError("--since \"\(since)\" is not a window: use a number with m, h, d or w (30m, 24h, 7d, 2w), or seconds.")
        }
        if UsageGrouping(rawValue: by) == nil {
            throw ValidationError("--by \"\(by)\" is not a grouping: use one of \(UsageGrouping.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if UsageBucket(rawValue: bucket) == nil {
            throw ValidationError("--bucket \"\(bucket)\" is not a bucket: use one of \(UsageBucket.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    /// The window in seconds; `--hours`, kept for old scripts, wins when given.
    private var window: TimeInterval? {
        if let hours { return hours > 0 ? hours * 3600 : nil }
        return UsageAggregator.parseWindow(since)
    }

    func execute() async throws {
        guard let window, let grouping = UsageGrouping(rawValue: by), let bucket = UsageBucket(rawValue: bucket) else {
            throw ValidationError("invalid options")
        }
        let start = Date().addingTimeInterval(-window)
        let facts = try await store.withStore { try await $0.usageFacts(since: start, until: nil) }
        let label = hours.map { "\(UsageTable.number($0))h" } ?? since.trimmingCharacters(in: .whitespaces)
        print(UsageTable.render(facts: facts, bucket: bucket, grouping: grouping, since: start, label: label))
    }
}

/// The text table `junction usage` prints.
enum UsageTable {
    static func render(facts: [UsageFact], bucket: UsageBucket, grouping: UsageGrouping, since: Date, label: String) -> String {
        let (rows, totals) = UsageAggregator.aggregate(facts, bucket: bucket, by: grouping, since: since)
        guard !rows.isEmpty else { return "No requests in the last \(label)." }
        var header = [grouping.rawValue, "requests", "errors", "input", "cached", "output", "cost $", "saved", "saved %", "p50 ms", "p95 ms"]
        if bucket != .all { header.insert(bucket == .hour ? "hour (UTC)" : "day (UTC)", at: 0) }
        var cells = rows.map { row in
            (bucket == .all ? [] : [stamp(row.start, bucket: bucket)]) + columns(row, name: row.group ?? "-")
        }
        cells.append((bucket == .all ? [] : [""]) + columns(totals, name: "total"))
        let table = align([header] + cells, leftColumns: bucket == .all ? 1 : 2)
        var lines = ["Last \(label), by \(grouping.rawValue) (cost at catalog prices; saved = tool-output tokens the token saver removed):"]
        lines += table
        lines.append(saverSummary(facts: facts, since: since, totals: totals))
        return lines.joined(separator: "\n")
    }

    private static func columns(_ row: UsageRow, name: String) -> [String] {
        [
            name, String(row.requests), String(row.errors), String(row.inputTokens), String(row.cachedTokens), String(row.outputTokens),
            String(format: "%.4f", Double(row.costMicros) / 1_000_000), String(row.savedTokens),
            percent(row.savedTokens, of: row.inputTokens + row.savedTokens), String(row.p50Ms), String(row.p95Ms),
        ]
    }

    /// The saver's savings in tokens and, where the catalog knows the model's input price, in dollars.
    private static func saverSummary(facts: [UsageFact], since: Date, totals: UsageRow) -> String {
        var prices: [String: Double?] = [:]
        var dollars = 0.0
        var priced = 0
        for fact in facts where fact.createdAt >= since && fact.saverTokensSaved > 0 {
            guard let provider = fact.provider, let model = fact.model else { continue }
            let id = "\(provider)/\(model)"
            if prices[id] == nil { prices[id] = .some(ProviderCatalog.prices(provider: provider, model: model)?.input) }
            if let input = prices[id] ?? nil {
                dollars += Double(fact.saverTokensSaved) * input / 1_000_000
                priced += fact.saverTokensSaved
            }
        }
        guard totals.savedTokens > 0 else { return "Token saver: no tool-output tokens removed." }
        let tokens = "Token saver: \(totals.savedTokens) tool-output tokens removed "
            + "(\(percent(totals.savedTokens, of: totals.inputTokens + totals.savedTokens)) of the input they were part of)"
        guard priced > 0 else { return tokens + "; the catalog has no input price for these models." }
        let coverage = priced == totals.savedTokens ? "" : " for the \(priced) tokens of models it prices"
        return tokens + ", ≈ $\(String(format: "%.4f", dollars)) at the catalog's input prices\(coverage)."
    }

    /// Pads every column to its widest cell: the first `leftColumns` to the left, numbers to the right.
    private static func align(_ table: [[String]], leftColumns: Int) -> [String] {
        let widths = table[0].indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        return table.map { row in
            var line = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column < leftColumns ? cell + pad : pad + cell
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    private static func stamp(_ date: Date, bucket: UsageBucket) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = bucket == .hour ? "yyyy-MM-dd HH:00" : "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    private static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "-" : String(format: "%.1f%%", 100 * Double(part) / Double(whole))
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
