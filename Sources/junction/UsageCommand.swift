import ArgumentParser
import Foundation
import JunctionGateway
import JunctionProviders
import JunctionStore
import JunctionWire

/// `junction usage`: what the ledger says: requests, tokens and the token saver's savings.
struct UsageCommand: JunctionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "usage", abstract: "Show requests, tokens and saver savings from the usage ledger.")

    @Option(help: "The YAML configuration file (for its data_dir).")
    var config: String?

    @Option(name: .customLong("data-dir"), help: "Where the database lives (default ~/.junction).")
    var dataDir: String?

    @Option(help: "How far back: hours, for example 24 (the default) or 168 for a week.")
    var hours: Double = 24

    func execute() async throws {
        var folder = dataDir ?? "~/.junction"
        if dataDir == nil, let config {
            do { folder = try ConfigLoader().load(path: config).dataDir } catch let error as ConfigError { exitWithError(error.description) }
        }
        let database = try JunctionDatabase(dataDir: folder)
        let rows = try await database.usageSummary(since: Date().addingTimeInterval(-hours * 3600))
        print(UsageTable.render(rows, hours: hours))
    }
}

/// The text table `junction usage` prints.
enum UsageTable {
    static func render(_ rows: [UsageSummary], hours: Double) -> String {
        guard !rows.isEmpty else { return "No requests in the last \(formatted(hours)) h." }
        let header = ["provider/model", "requests", "failed", "tokens in", "tokens out", "cost $", "tool tokens before → after", "saved", "saved $"]
        var savedDollars = 0.0
        var cells: [[String]] = rows.map { row in
            let name = "\(row.provider ?? "-")/\(row.upstreamModel ?? "-")"
            var dollars = "-"
            if let provider = row.provider, let model = row.upstreamModel, let prices = ProviderCatalog.prices(provider: provider, model: model) {
                let value = Double(row.saverTokensSaved) * prices.input / 1_000_000
                savedDollars += value
                dollars = String(format: "%.4f", value)
            }
            return [
                name, String(row.requests), String(row.failures), String(row.inputTokens), String(row.outputTokens),
                String(format: "%.6f", Double(row.costMicros) / 1_000_000), "\(row.saverTokensBefore) → \(row.saverTokensAfter)", percent(row.saverTokensSaved, of: row.saverTokensBefore), dollars,
            ]
        }
        let before = rows.reduce(0) { $0 + $1.saverTokensBefore }
        let saved = rows.reduce(0) { $0 + $1.saverTokensSaved }
        cells.append([
            "total", String(rows.reduce(0) { $0 + $1.requests }), String(rows.reduce(0) { $0 + $1.failures }),
            String(rows.reduce(0) { $0 + $1.inputTokens }), String(rows.reduce(0) { $0 + $1.outputTokens }),
            String(format: "%.6f", Double(rows.reduce(0) { $0 + $1.costMicros }) / 1_000_000), "\(before) → \(before - saved)", percent(saved, of: before), String(format: "%.4f", savedDollars),
        ])
        let widths = header.indices.map { column in ([header] + cells).map { $0[column].count }.max() ?? 0 }
        let lines = ([header] + cells).map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return "Last \(formatted(hours)) h (saved $ = saver tokens × the catalog's input price):\n" + lines.joined(separator: "\n")
    }

    private static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "-" : String(format: "%.1f%%", 100 * Double(part) / Double(whole))
    }

    private static func formatted(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(hours)
    }
}
