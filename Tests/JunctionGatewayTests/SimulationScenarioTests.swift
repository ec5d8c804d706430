import Foundation
import JunctionGateway
import Testing

@Suite("Simulation: reading scenarios")
struct SimulationScenarioTests {
    static let valid = """
        name: outage
        seed: 7
        time_scale: 50
        traffic:
          rate: 30/m
          duration: 30m
          concurrency: 4
          mix:
            - {model: coding, weight: 3}
            - {model: coding, stream: true}
        providers:
          - id: primary
            latency_ms: {p50: 800, p95: 2500}
            failure_rate: 0.5%
            outages:
              - {from: 10m, to: 20m, status: 503}
            rate_limits:
              - {from: 0, to: 1h, reset: 2h}
          - id: backup
            latency_ms: 300
        junction:
          providers:
            - id: primary
              models: [gpt-4o]
            - id: backup
              models: [gpt-4o-mini]
          combos:
            - name: coding
              tiers:
                - {name: main, targets: [primary/gpt-4o]}
                - {name: spare, targets: [backup/gpt-4o-mini]}
        slos:
          success_rate: 99.5%
          p95_latency: 4s
          fallback_rate: 0.2
        """

    func parse(_ text: String) throws -> SimulationScenario {
        try SimulationScenarioLoader().parse(text, file: "s.yaml")
    }

    func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func aValidScenarioReadsEverySection() throws {
        let scenario = try parse(Self.valid)
        #expect(scenario.name == "outage" && scenario.seed == 7 && scenario.timeScale == 50)
        #expect(scenario.traffic.rate == 0.5 && scenario.traffic.duration == 1800 && scenario.traffic.concurrency == 4)
        #expect(scenario.traffic.mix == [RequestKind(model: "coding", weight: 3), RequestKind(model: "coding", stream: true)])
        let primary = try #require(scenario.provider(id: "primary"))
        #expect(primary.latency == LatencyDistribution(p50: 800, p95: 2500))
        #expect(primary.failureRate == 0.005)
        #expect(primary.outages == [Outage(from: 600, to: 1200, status: 503)])
        #expect(primary.rateLimits == [RateLimitWindow(from: 0, to: 3600, reset: 7200)])
        #expect(scenario.provider(id: "backup")?.latency == LatencyDistribution(p50: 300, p95: 300))
        #expect(scenario.config.combos.first?.tiers.count == 2)
        #expect(scenario.config.providers.map(\.id) == ["primary", "backup"])
        #expect(scenario.objectives.count == 3)
    }

    @Test(arguments: [
        ("  rate: 30/m", "  rate: fast", "s.yaml:5: traffic.rate: expected a rate such as 2/s, 30/m or 100/h"),
        ("    failure_rate: 0.5%", "    failure_rate: 150%", "s.yaml:14: providers[0].failure_rate: expected a percentage"),
        ("      - {from: 10m, to: 20m, status: 503}", "      - {from: 10m, to: 5m, status: 503}", "s.yaml:16: providers[0].outages[0].to: must be after from"),
        ("    latency_ms: 300", "    latency: 300", "s.yaml:20: providers[1].latency: unknown field"),
        ("  fallback_rate: 0.2", "  fallback: 0.2", "s.yaml:35: slos.fallback: unknown field"),
        ("    - {model: coding, stream: true}", "    - {model: codin, stream: true}", "s.yaml:10: traffic.mix[1].model: model 'codin' is neither"),
    ])
    func errorsNameTheLineAndTheField(original: String, replacement: String, expected: String) throws {
        let text = Self.valid.replacingOccurrences(of: original, with: replacement)
        #expect(text != Self.valid)
        #expect(error(text).hasPrefix(expected), "\(error(text))")
    }

    @Test func errorsInsideTheJunctionSectionKeepTheScenarioLine() {
        let badTarget = Self.valid.replacingOccurrences(of: "[backup/gpt-4o-mini]", with: "[nowhere/gpt-4o-mini]")
        #expect(error(badTarget).hasPrefix("s.yaml:28: junction.combos[0]"), "\(error(badTarget))")
        #expect(error(badTarget).contains("unknown provider 'nowhere'"))
        let badStrategy = Self.valid.replacingOccurrences(of: "    - name: coding\n", with: "    - name: coding\n      strategy: fastest\n")
        #expect(error(badStrategy).hasPrefix("s.yaml:29: junction.combos[0].strategy: unknown strategy 'fastest'"), "\(error(badStrategy))")
    }

    @Test func everyConfiguredProviderMustBeSimulatedAndViceVersa() {
        let unsimulated = Self.valid.replacingOccurrences(of: "  - id: backup\n    latency_ms: 300\n", with: "")
        #expect(error(unsimulated).contains("junction.providers[1]: provider 'backup' has no simulated behaviour"), "\(error(unsimulated))")
        let stranger = Self.valid.replacingOccurrences(of: "  - id: backup\n    latency_ms: 300", with: "  - id: backup\n  - id: ghost")
        #expect(error(stranger).hasPrefix("s.yaml:20: providers[2].id: 'ghost' is not a provider of the junction section"), "\(error(stranger))")
    }

    @Test func theShippedExamplesParse() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples")
        for name in ["simulate-quota-exhausted.yaml", "simulate-primary-outage.yaml", "simulate-flaky-cheap-tier.yaml"] {
            let scenario = try SimulationScenarioLoader().load(path: examples.appendingPathComponent(name).path)
            #expect(!scenario.objectives.isEmpty, "\(name)")
        }
    }
}
