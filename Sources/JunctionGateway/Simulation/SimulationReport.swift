import Foundation

/// The text report of a simulation run: the figures per tier and per target, then each objective
/// with PASS or FAIL.
public struct SimulationReport: Sendable {
    public var scenario: String
    public var summary: SimulationSummary
    public var results: [SLOResult]
    /// Notes printed under the title (time compression, measured overhead…).
    public var notes: [String]
    /// Where the traffic went over time, when known.
    public var timeline: SimulationTimeline?

    /// Evaluates every objective of `objectives` against the outcomes.
    public init(
        scenario: String, outcomes: [SimulatedOutcome], objectives: [ServiceLevelObjective], notes: [String] = [],
        timeline: SimulationTimeline? = nil
    ) {
        self.scenario = scenario
        let summary = SimulationSummary(outcomes)
        self.summary = summary
        results = objectives.map { $0.evaluate(summary) }
        self.notes = notes
        self.timeline = timeline
    }

    /// Whether every objective passed.
    public var passed: Bool { results.allSatisfy(\.passed) }

    /// The report as text.
    public func render() -> String {
        var lines = ["Scenario: \(scenario)"] + notes.map { "  \($0)" }
        lines.append("")
        lines.append("Per tier")
        lines += table(summary.tiers + [summary.overall], heading: "tier")
        lines.append("")
        lines.append("Per target (the provider/model that answered last)")
        lines += table(summary.targets, heading: "target")
        if let timeline {
            lines.append("")
            lines.append("Over time (share of each window's requests by the target that answered)")
            lines += timeline.render()
        }
        lines.append("")
        lines.append("Objectives")
        if results.isEmpty { lines.append("  (none)") }
        for result in results {
            lines.append("  \(result.passed ? "PASS" : "FAIL")  \(result.objective.label)  (measured \(result.measured))")
        }
        lines.append("")
        lines.append(passed ? "Result: PASS" : "Result: FAIL (\(results.filter { !$0.passed }.count) of \(results.count) objectives missed)")
        return lines.joined(separator: "\n")
    }

    private func table(_ rows: [GroupStatistics], heading: String) -> [String] {
        let header = [heading, "requests", "share", "success", "p50", "p95", "fallback"]
        let body = rows.map { row in
            [
                row.name, String(row.count), Self.percent(row.share), Self.percent(row.successRate),
                row.p50.map(Self.milliseconds) ?? "-", row.p95.map(Self.milliseconds) ?? "-", Self.percent(row.fallbackRate),
            ]
        }
        return Self.table([header] + body)
    }

    /// Rows of cells as aligned text: the first column left-aligned, the others right-aligned.
    static func table(_ all: [[String]]) -> [String] {
        let widths = (all.first ?? []).indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { cells in
            "  " + cells.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
    }

    /// `0.995` as `99.5%`.
    public static func percent(_ value: Double) -> String {
        let scaled = value * 100
        if scaled == scaled.rounded() { return "\(Int(scaled))%" }
        let short = String(format: "%.1f", scaled)
        return (short == "100.0" ? String(format: "%.2f", min(scaled, 99.99)) : short) + "%"
    }

    /// Milliseconds as `850 ms` or `2.40 s`.
    public static func milliseconds(_ value: Double) -> String {
        value < 1000 ? "\(Int(value.rounded())) ms" : String(format: "%.2f s", value / 1000)
    }
}
