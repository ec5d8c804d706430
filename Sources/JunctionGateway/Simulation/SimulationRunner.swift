import Foundation
import JunctionRouting
import JunctionWire

/// Drives a gateway through a traffic schedule in compressed time.
///
/// The runner walks simulated time step by step: it sets the routing clock to the step's start,
/// sends the step's requests concurrently (at most `concurrency` at once), waits for all of them,
/// and moves on. Cooldowns, breakers and rate-limit resets therefore play out in simulated time,
/// while upstream latencies are real sleeps scaled down by `timeScale`.
///
/// A request's simulated latency is its real duration, less Junction's own `overhead` (measured
/// before the run, apart for streams), times `timeScale`: Junction's few milliseconds are not magnified.
public struct SimulationRunner: Sendable {
    /// The clock the gateway's routing engine reads.
    public var clock: ManualRoutingClock
    /// Simulated time zero.
    public var start: Date
    public var timeScale: Double
    public var concurrency: Int
    public var step: TimeInterval
    /// Junction's own time per non-streamed request on this machine, subtracted before scaling.
    public var overhead: Duration
    /// The same for a streamed request, read to its end.
    public var streamOverhead: Duration

    /// Creates a runner.
    public init(
        clock: ManualRoutingClock, start: Date, timeScale: Double, concurrency: Int, step: TimeInterval, overhead: Duration = .zero,
        streamOverhead: Duration? = nil
    ) {
        self.clock = clock
        self.start = start
        self.timeScale = timeScale
        self.concurrency = max(1, concurrency)
        self.step = step
        self.overhead = overhead
        self.streamOverhead = streamOverhead ?? overhead
    }

    /// The simulated seconds since the start, as the clock reads now.
    public var simulatedNow: TimeInterval { clock.now().timeIntervalSince(start) }

    /// Sends every request of `schedule` through `handle` and returns what happened, in request order.
    public func run(
        _ schedule: [ScheduledRequest], handle: @escaping @Sendable (ClientRequest) async -> GatewayResponse
    ) async -> [SimulatedOutcome] {
        var outcomes: [SimulatedOutcome] = []
        outcomes.reserveCapacity(schedule.count)
        for step in TrafficSchedule.steps(schedule, step: step) {
            clock.set(start.addingTimeInterval(step.time))
            outcomes += await runStep(step.requests, handle: handle)
        }
        return outcomes.sorted { $0.request.index < $1.request.index }
    }

    private func runStep(
        _ requests: [ScheduledRequest], handle: @escaping @Sendable (ClientRequest) async -> GatewayResponse
    ) async -> [SimulatedOutcome] {
        await withTaskGroup(of: SimulatedOutcome.self) { group in
            var results: [SimulatedOutcome] = []
            var pending = requests[...]
            var running = 0
            while running < concurrency, let next = pending.popFirst() {
                group.addTask { await send(next, handle: handle) }
                running += 1
            }
            while let result = await group.next() {
                results.append(result)
                if let next = pending.popFirst() { group.addTask { await send(next, handle: handle) } }
            }
            return results
        }
    }

    /// Sends one request, reads its body to the end, and records the outcome.
    public func send(_ request: ScheduledRequest, handle: @Sendable (ClientRequest) async -> GatewayResponse) async -> SimulatedOutcome {
        let began = ContinuousClock.now
        let response = await handle(
            ClientRequest(format: .openAIChat, path: "/v1/chat/completions", body: request.body, clientKeyName: nil))
        if case .stream(let stream) = response.body { await stream.run { _ in } }
        let real = ContinuousClock.now - began
        let header = { (name: String) in response.headers.first { $0.name.lowercased() == name }?.value }
        return SimulatedOutcome(
            request: request, status: response.status, provider: header("x-junction-provider"), tier: header("x-junction-tier"),
            route: RouteStep.parse(header("x-junction-route")), latencyMs: simulatedMilliseconds(real, stream: request.stream))
    }

    /// A real duration as simulated milliseconds: less the overhead, times the time scale.
    public func simulatedMilliseconds(_ real: Duration, stream: Bool = false) -> Double {
        let upstream = max(Self.seconds(real) - Self.seconds(stream ? streamOverhead : overhead), 0)
        return upstream * timeScale * 1000
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
