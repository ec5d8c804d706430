import Foundation

/// One line of the demo's table.
struct DemoRow {
    var index: Int
    var mode: String
    var route: String
    var attempts: Int
    var inputTokens: Int?
    var outputTokens: Int?
    var latencyMs: Int
    var status: Int

    /// A plain-text table with aligned columns.
    static func table(_ rows: [DemoRow]) -> String {
        let header = ["#", "mode", "status", "route taken (target#account:outcome)", "attempts", "tokens in/out", "ms"]
        let cells = rows.map { row in
            [
                String(row.index), row.mode, String(row.status), row.route, String(row.attempts),
                "\(row.inputTokens.map(String.init) ?? "-")/\(row.outputTokens.map(String.init) ?? "-")", String(row.latencyMs),
            ]
        }
        let widths = header.indices.map { column in ([header] + cells).map { $0[column].count }.max() ?? 0 }
        func line(_ values: [String]) -> String {
            values.enumerated().map { column, value in value.padding(toLength: widths[column], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + cells.map(line)).joined(separator: "\n")
    }
}
