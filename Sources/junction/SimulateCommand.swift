import ArgumentParser
import Foundation
import JunctionGateway
import JunctionMock
import JunctionRouting
import JunctionServer
import JunctionWire
import Logging
import ServiceLifecycle

/// `junction simulate scenario.yaml`: runs a chaos scenario (simulated providers with latency,
/// failures, outages and rate-limit windows, under a traffic profile) through a real Junction and
/// real mock providers in compressed time, prints the figures per tier and per target and checks
/// the scenario's objectives. It exits 1 when an objective fails.
struct SimulateCommand: JunctionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Run a chaos scenario in compressed time and check its SLOs.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    func execute() async throws {
        _ = LogSetup.bootstrap(defaultLevel: .error)
        var scenario: SimulationScenario
        do {
            scenario = try SimulationScenarioLoader().load(path: self.scenario)
        } catch {
            exitWithError("\(error)")
        }
        if let seed { scenario.seed = seed }
        let report: SimulationReport
        do {
            report = try await SimulationHarness.run(scenario)
        } catch {
            exitWithError("simulation failed: \(error)")
        }
        print(report.render())
        if !report.passed { throw ExitCode.failure }
    }
}

/// Starts one mock provider per simulated provider and a Junction in front of them on a manual
/// clock, runs a scenario's traffic through the gateway, and returns the report.
enum SimulationHarness {
    static let calibrationProvider = "simulator-calibration"

    static func run(_ scenario: SimulationScenario) async throws -> SimulationReport {
        let quiet = Logger(label: "junction.simulate", factory: { _ in SwiftLogNoOpLogHandler() })
        let clock = ManualRoutingClock()
        let start = clock.now()
        let draws = SimulationDraws(seed: scenario.seed)
        var mocks: [String: MockServer] = [:]
        for simulated in scenario.providers {
            let provider = MockProvider(
                name: simulated.id, models: [],
                scenario: MockScenario(dynamic: { number, _ in
                    let answer = simulated.answer(at: clock.now().timeIntervalSince(start), arrival: number, draws: draws)
                    return mockFault(answer, timeScale: scenario.timeScale)
                }))
            mocks[simulated.id] = try await MockServer.start(provider, logger: quiet)
        }
        let calibration = try await MockServer.start(
            MockProvider(
                name: calibrationProvider,
                scenario: MockScenario(rules: [.init(firstRequest: 1, fault: MockFault(latencyMs: calibrationLatencyMs))])),
            logger: quiet)
        let servers = Array(mocks.values) + [calibration]
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("junction-simulate-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dataDir) }

        var config = scenario.config
        config.dataDir = dataDir
        config.listen = ListenAddress(host: "127.0.0.1", port: 0)
        config.clientKeys = []
        for index in config.providers.indices {
            guard let mock = mocks[config.providers[index].id] else { continue }
            config.providers[index].baseURL = config.providers[index].format == .gemini ? mock.rootURL + "/v1beta" : mock.baseURL
        }
        config.providers.append(ProviderConfig(id: calibrationProvider, baseURL: calibration.baseURL, models: ["calibrate"]))

        let runtime = try await JunctionRuntime(config: config, logger: quiet, clock: clock)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let group = runtime.makeServiceGroup(signals: []) { port in
            portContinuation.yield(port)
            portContinuation.finish()
        }
        let serverTask = Task {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard await iterator.next() != nil else {
            let reason = await serverTask.result
            for server in servers { await server.stop() }
            throw SimulationError("the router did not start: \(reason)")
        }

        let gateway = runtime.gateway
        let handle: @Sendable (ClientRequest) async -> GatewayResponse = { await gateway.handle($0) }
        let overhead = await measureOverhead(stream: false, clock: clock, start: start, handle: handle)
        let streamOverhead = await measureOverhead(stream: true, clock: clock, start: start, handle: handle)
        let schedule = TrafficSchedule.make(scenario.traffic, seed: scenario.seed)
        let runner = SimulationRunner(
            clock: clock, start: start, timeScale: scenario.timeScale, concurrency: scenario.traffic.concurrency,
            step: scenario.traffic.step, overhead: overhead, streamOverhead: streamOverhead)
        let began = ContinuousClock.now
        let outcomes = await runner.run(schedule, handle: handle)
        let elapsed = ContinuousClock.now - began

        await group.triggerGracefulShutdown()
        _ = try? await serverTask.value
        for server in servers { await server.stop() }

        let realPerSecond = 1000 / scenario.timeScale
        let notes = [
            "seed \(scenario.seed); \(schedule.count) requests over \(duration(scenario.traffic.duration)) of simulated time, "
                + "concurrency \(scenario.traffic.concurrency)",
            String(format: "time scale %g: 1 simulated second = %.1f real ms; ran in %.1f s real", scenario.timeScale, realPerSecond, seconds(elapsed)),
            String(
                format: "latencies are simulated: (real duration - measured overhead of %.2f ms, %.2f ms for streams) x %g",
                seconds(overhead) * 1000, seconds(streamOverhead) * 1000, scenario.timeScale),
        ]
        let duration = scenario.traffic.duration
        let timeline = SimulationTimeline(outcomes, duration: duration, width: SimulationTimeline.width(for: duration))
        return SimulationReport(scenario: scenario.name, outcomes: outcomes, objectives: scenario.objectives, notes: notes, timeline: timeline)
    }

    /// The mock's fault for a simulated answer: the latency is scaled down to real milliseconds.
    static func mockFault(_ answer: SimulatedAnswer, timeScale: Double) -> MockFault? {
        let latency = Int((answer.latencyMs / timeScale).rounded())
        switch answer.fault {
        case .none: return latency > 0 ? MockFault(latencyMs: latency) : nil
        case .status(let status): return MockFault(status: status, latencyMs: latency, message: "simulated failure")
        case .rateLimited(let retryAfter): return MockFault(status: 429, retryAfter: retryAfter, latencyMs: latency, message: "Rate limit reached (simulated)")
        }
    }

    /// The real latency the calibration mock injects.
    static let calibrationLatencyMs = 10

    /// The time a request takes here beyond the latency a mock injects (Junction's own work, the
    /// loopback hops, the sleep's overshoot): the median of a few requests to a mock with a known latency.
    static func measureOverhead(
        stream: Bool, clock: ManualRoutingClock, start: Date, handle: @escaping @Sendable (ClientRequest) async -> GatewayResponse
    ) async -> Duration {
        let probe = SimulationRunner(clock: clock, start: start, timeScale: 1, concurrency: 1, step: 1)
        var samples: [Double] = []
        for index in 0..<25 {
            let request = ScheduledRequest(index: index, time: 0, model: "\(calibrationProvider)/calibrate", stream: stream)
            let outcome = await probe.send(request, handle: handle)
            if index >= 5 { samples.append(outcome.latencyMs) }
        }
        let median = Percentile.nearestRank(samples.sorted(), 50) ?? 0
        return .microseconds(Int64(max(0, median - Double(calibrationLatencyMs)) * 1000))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func duration(_ seconds: TimeInterval) -> String {
        seconds >= 3600 ? String(format: "%gh", seconds / 3600) : seconds >= 60 ? String(format: "%gm", seconds / 60) : String(format: "%gs", seconds)
    }
}

/// A simulation that could not run.
struct SimulationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
