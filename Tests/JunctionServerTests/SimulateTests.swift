import Foundation
import JunctionGateway
import JunctionMock
import JunctionRouting
import JunctionServer
import Testing

/// The chaos simulator end to end: a scenario's providers as live mocks whose faults follow
/// simulated time, a live Junction on a manual clock, and the `junction simulate` binary.
@Suite("Chaos simulator", .serialized)
struct SimulateTests {
    static func scenario(slos: String, duration: String = "6m") -> String {
        """
        name: short outage
        seed: 5
        time_scale: 100
        traffic:
          rate: 1/s
          duration: \(duration)
          concurrency: 4
          mix:
            - {model: coding, weight: 3}
            - {model: coding, stream: true}
        providers:
          - id: primary
            latency_ms: {p50: 200, p95: 400}
            outages:
              - {from: 2m, to: 4m, status: 503}
          - id: backup
            latency_ms: {p50: 300, p95: 600}
        junction:
          providers:
            - id: primary
              models: [gpt-4o]
            - id: backup
              models: [gpt-4o-mini]
          combos:
            - name: coding
              targets: [primary/gpt-4o, backup/gpt-4o-mini]
        slos:
        \(slos)
        """
    }

    /// The simulator's mapping from a simulated answer to a mock fault (as `junction simulate` does it).
    static func mockFault(_ answer: SimulatedAnswer, timeScale: Double) -> MockFault? {
        let latency = Int((answer.latencyMs / timeScale).rounded())
        switch answer.fault {
        case .none: return MockFault(latencyMs: latency)
        case .status(let status): return MockFault(status: status, latencyMs: latency)
        case .rateLimited(let retryAfter): return MockFault(status: 429, retryAfter: retryAfter, latencyMs: latency)
        }
    }

    @Test func anOutageShiftsTrafficToTheFallbackAndNoRequestFails() async throws {
        let scenario = try SimulationScenarioLoader().parse(Self.scenario(slos: "  success_rate: 100%"))
        let clock = ManualRoutingClock()
        let start = clock.now()
        let draws = SimulationDraws(seed: scenario.seed)
        let providers = scenario.providers.map { simulated in
            MockProvider(
                name: simulated.id, models: [],
                scenario: MockScenario(dynamic: { number, _ in
                    Self.mockFault(simulated.answer(at: clock.now().timeIntervalSince(start), arrival: number, draws: draws), timeScale: scenario.timeScale)
                }))
        }
        let harness = try await Harness.start(providers, clock: clock) { mocks in
            var config = scenario.config
            for index in config.providers.indices { config.providers[index].baseURL = mocks[index].baseURL }
            return config
        }
        defer { Task { await harness.stop() } }
        let schedule = TrafficSchedule.make(scenario.traffic, seed: scenario.seed)
        let runner = SimulationRunner(
            clock: clock, start: start, timeScale: scenario.timeScale, concurrency: scenario.traffic.concurrency, step: scenario.traffic.step)
        let gateway = harness.runtime.gateway
        let outcomes = await runner.run(schedule) { await gateway.handle($0) }

        #expect(outcomes.count == schedule.count)
        #expect(outcomes.allSatisfy { $0.succeeded }, "\(outcomes.filter { !$0.succeeded }.prefix(3))")
        let before = outcomes.filter { $0.request.time < 120 }
        let during = outcomes.filter { $0.request.time >= 120 && $0.request.time < 240 }
        let after = outcomes.filter { $0.request.time >= 240 + 31 }
        #expect(!before.isEmpty && !during.isEmpty && !after.isEmpty)
        #expect(before.allSatisfy { $0.target == "primary/gpt-4o" && !$0.fellBack })
        #expect(during.allSatisfy { $0.target == "backup/gpt-4o-mini" }, "the outage moves every request to the fallback")
        #expect(during.filter { $0.fellBack }.count < during.count / 4, "the breaker opens, so most skip the primary without trying it")
        #expect(after.allSatisfy { $0.target == "primary/gpt-4o" }, "a probe after 30 s finds the primary back")
        #expect(primaryAttemptsDuring(outcomes) >= 3)
        let summary = SimulationSummary(outcomes)
        #expect(summary.targets.map { $0.name }.sorted() == ["backup/gpt-4o-mini", "primary/gpt-4o"])
    }

    func primaryAttemptsDuring(_ outcomes: [SimulatedOutcome]) -> Int {
        outcomes.filter { $0.request.time >= 120 && $0.request.time < 240 }
            .flatMap { $0.route }.filter { $0.target == "primary/gpt-4o" && $0.outcome == "503" }.count
    }

    func runSimulate(_ yaml: String) throws -> (status: Int32, output: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("simulate-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = StartupTests.binary
        process.arguments = ["simulate", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theBinaryPrintsTheTablesAndExitsZeroWhenTheObjectivesHold() throws {
        let (status, output) = try runSimulate(Self.scenario(slos: "  success_rate: 100%\n  p95_latency: 10s", duration: "3m"))
        #expect(status == 0, "\(output)")
        #expect(output.contains("Per tier") && output.contains("Per target"))
        #expect(output.contains("backup/gpt-4o-mini") && output.contains("primary/gpt-4o"))
        #expect(output.contains("PASS  success rate >= 100%"))
        #expect(output.contains("Result: PASS"))
    }

    @Test func anImpossibleObjectiveFailsAndExitsNonZero() throws {
        let (status, output) = try runSimulate(Self.scenario(slos: "  success_rate: 100%\n  p95_latency: 1ms", duration: "3m"))
        #expect(status == 1, "\(output)")
        #expect(output.contains("FAIL  p95 latency <= 1 ms"))
        #expect(output.contains("Result: FAIL"))
    }
}
