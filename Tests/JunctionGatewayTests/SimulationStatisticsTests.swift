import Foundation
import JunctionGateway
import Testing

@Suite("Simulation: statistics, objectives and the report")
struct SimulationStatisticsTests {
    func outcome(_ index: Int, status: Int = 200, route: String, tier: String? = nil, latency: Double) -> SimulatedOutcome {
        let steps = RouteStep.parse(route)
        return SimulatedOutcome(
            request: ScheduledRequest(index: index, time: Double(index), model: "coding", stream: false), status: status,
            provider: steps.last.map { String($0.target.split(separator: "/")[0]) }, tier: tier, route: steps, latencyMs: latency)
    }

    @Test(arguments: [
        (50.0, 50.0), (95.0, 95.0), (99.0, 99.0), (100.0, 100.0), (0.5, 1.0),
    ])
    func nearestRankPercentiles(percent: Double, expected: Double) {
        let values = (1...100).map(Double.init)
        #expect(Percentile.nearestRank(values, percent) == expected)
    }

    @Test func percentilesOfSmallAndEmptySets() {
        #expect(Percentile.nearestRank([], 50) == nil)
        #expect(Percentile.nearestRank([7], 95) == 7)
        #expect(Percentile.nearestRank([1, 2, 3, 4], 50) == 2)
        #expect(Percentile.nearestRank([1, 2, 3, 4], 95) == 4)
    }

    @Test func routeHeadersParseIntoTargetsAndOutcomes() {
        #expect(
            RouteStep.parse("oai/gpt-4o#1:429,openrouter/anthropic/claude:ok")
                == [RouteStep(target: "oai/gpt-4o", outcome: "429"), RouteStep(target: "openrouter/anthropic/claude", outcome: "ok")])
        #expect(RouteStep.parse(nil).isEmpty)
    }

    @Test func figuresPerTierAndPerTargetCountSharesSuccessLatencyAndFallbacks() throws {
        let outcomes = [
            outcome(0, route: "a/m:200", tier: "sub", latency: 100),
            outcome(1, route: "a/m:200", tier: "sub", latency: 300),
            outcome(2, route: "a/m:429,b/m:200", tier: "paygo", latency: 500),
            outcome(3, status: 503, route: "a/m:503,b/m:503", tier: "paygo", latency: 50),
        ]
        let summary = SimulationSummary(outcomes)
        #expect(summary.overall.count == 4)
        #expect(summary.overall.successRate == 0.75)
        #expect(summary.overall.fallbackRate == 0.5)
        #expect(summary.overall.p95 == 500, "latency percentiles count served requests only")
        #expect(summary.tiers.map(\.name) == ["sub", "paygo"])
        #expect(summary.tiers.map(\.share) == [0.5, 0.5])
        let b = try #require(summary.targets.first { $0.name == "b/m" })
        #expect(b.count == 2 && b.successRate == 0.5 && b.fallbackRate == 1 && b.p50 == 500)
    }

    @Test func objectivesPassOrFailOnTheOverallFigures() {
        let outcomes = (0..<200).map { index in
            index < 199 ? outcome(index, route: "a/m:200", latency: Double(index * 10)) : outcome(index, status: 502, route: "a/m:500", latency: 0)
        }
        let summary = SimulationSummary(outcomes)
        #expect(ServiceLevelObjective(.successRate(atLeast: 0.995)).evaluate(summary).passed)
        #expect(!ServiceLevelObjective(.successRate(atLeast: 0.999)).evaluate(summary).passed)
        #expect(ServiceLevelObjective(.p95Latency(atMostMs: 1890)).evaluate(summary).passed)
        #expect(!ServiceLevelObjective(.p95Latency(atMostMs: 1889)).evaluate(summary).passed)
        #expect(ServiceLevelObjective(.fallbackRate(atMost: 0)).evaluate(summary).passed)
        #expect(!ServiceLevelObjective(.p50Latency(atMostMs: 100)).evaluate(SimulationSummary([])).passed, "nothing served is a failure")
    }

    @Test func theReportShowsTablesAndPassOrFail() {
        let outcomes = [outcome(0, route: "a/m:200", tier: "sub", latency: 820), outcome(1, route: "a/m:500,b/m:200", tier: "paygo", latency: 2400)]
        let report = SimulationReport(
            scenario: "demo", outcomes: outcomes,
            objectives: [ServiceLevelObjective(.successRate(atLeast: 0.99)), ServiceLevelObjective(.p95Latency(atMostMs: 1000))])
        let text = report.render()
        #expect(!report.passed)
        #expect(text.contains("PASS  success rate >= 99%  (measured 100%)"))
        #expect(text.contains("FAIL  p95 latency <= 1.00 s  (measured 2.40 s)"))
        #expect(text.contains("Result: FAIL"))
        #expect(text.contains("paygo"))
        #expect(text.contains("b/m"))
        #expect(SimulationReport.percent(0.9997) == "99.97%")
        #expect(SimulationReport.percent(0.995) == "99.5%")
    }
}

@Suite("Simulation: the timeline")
struct SimulationTimelineTests {
    func outcome(_ time: Double, target: String, status: Int = 200) -> SimulatedOutcome {
        SimulatedOutcome(
            request: ScheduledRequest(index: Int(time), time: time, model: "m", stream: false), status: status, provider: nil, tier: nil,
            route: [RouteStep(target: target, outcome: String(status))], latencyMs: 1)
    }

    @Test func windowsCountRequestsAndTheirTargets() {
        let outcomes = [outcome(10, target: "a/m"), outcome(70, target: "b/m"), outcome(80, target: "b/m", status: 503), outcome(179, target: "a/m")]
        let timeline = SimulationTimeline(outcomes, duration: 180, width: 60)
        #expect(timeline.targets == ["a/m", "b/m"])
        #expect(timeline.windows.map(\.requests) == [1, 2, 1])
        #expect(timeline.windows.map(\.successes) == [1, 1, 1])
        #expect(timeline.windows.map(\.perTarget) == [[1, 0], [0, 2], [1, 0]])
        #expect(timeline.windows.map(\.start) == [0, 60, 120])
    }

    @Test(arguments: [(1800.0, 300.0), (43200.0, 3600.0), (900.0, 120.0), (360.0, 30.0)])
    func roundWidths(duration: Double, width: Double) {
        #expect(SimulationTimeline.width(for: duration) == width)
    }
}
