import Foundation

/// A service-level objective a simulation run must meet, over all its requests.
public struct ServiceLevelObjective: Sendable, Hashable {
    /// What is measured, and the bound.
    public enum Kind: Sendable, Hashable {
        /// At least this part (0…1) of requests succeed.
        case successRate(atLeast: Double)
        /// The median latency of successful requests is at most this many simulated milliseconds.
        case p50Latency(atMostMs: Double)
        /// The 95th-percentile latency of successful requests is at most this many simulated milliseconds.
        case p95Latency(atMostMs: Double)
        /// At most this part (0…1) of requests need more than one attempt.
        case fallbackRate(atMost: Double)
    }

    public var kind: Kind

    /// Creates an objective.
    public init(_ kind: Kind) { self.kind = kind }

    /// The objective as written in the report, for example `success rate ≥ 99.50%`.
    public var label: String {
        switch kind {
        case .successRate(let bound): "success rate >= \(SimulationReport.percent(bound))"
        case .p50Latency(let bound): "p50 latency <= \(SimulationReport.milliseconds(bound))"
        case .p95Latency(let bound): "p95 latency <= \(SimulationReport.milliseconds(bound))"
        case .fallbackRate(let bound): "fallback rate <= \(SimulationReport.percent(bound))"
        }
    }

    /// Checks the objective against a run's figures.
    public func evaluate(_ summary: SimulationSummary) -> SLOResult {
        let overall = summary.overall
        switch kind {
        case .successRate(let bound):
            return SLOResult(objective: self, measured: SimulationReport.percent(overall.successRate), passed: overall.count > 0 && overall.successRate >= bound)
        case .p50Latency(let bound):
            return latency(overall.p50, bound: bound)
        case .p95Latency(let bound):
            return latency(overall.p95, bound: bound)
        case .fallbackRate(let bound):
            return SLOResult(objective: self, measured: SimulationReport.percent(overall.fallbackRate), passed: overall.fallbackRate <= bound)
        }
    }

    private func latency(_ value: Double?, bound: Double) -> SLOResult {
        guard let value else { return SLOResult(objective: self, measured: "no successful request", passed: false) }
        return SLOResult(objective: self, measured: SimulationReport.milliseconds(value), passed: value <= bound)
    }
}

/// One objective checked: what was measured and whether it passed.
public struct SLOResult: Sendable, Hashable {
    public var objective: ServiceLevelObjective
    /// The measured value, formatted.
    public var measured: String
    public var passed: Bool
}
