import Foundation

/// What a simulated provider does with one request.
public enum SimulatedFault: Sendable, Hashable {
    /// A normal answer.
    case none
    /// An error response with this status (an outage, or a random failure).
    case status(Int)
    /// A `429` whose `retry-after` is this many seconds: the time left until the window's reset.
    case rateLimited(retryAfter: Int)
}

/// The answer a simulated provider gives to one request: its fault and how long it takes.
public struct SimulatedAnswer: Sendable, Hashable {
    public var fault: SimulatedFault
    /// Simulated milliseconds before the provider answers.
    public var latencyMs: Double

    /// Creates an answer.
    public init(fault: SimulatedFault, latencyMs: Double) {
        self.fault = fault
        self.latencyMs = latencyMs
    }
}

extension SimulatedProvider {
    /// The fault at simulated time `time`, a pure function of the time and a uniform draw in `0 ..< 1`.
    ///
    /// Outages come first, then rate-limit windows, then the random failure rate.
    public func fault(at time: TimeInterval, draw: Double) -> SimulatedFault {
        if let outage = outages.first(where: { $0.from <= time && time < $0.to }) {
            return .status(outage.status)
        }
        if let window = rateLimits.first(where: { $0.from <= time && time < $0.to }) {
            return .rateLimited(retryAfter: max(1, Int((window.reset - time).rounded(.up))))
        }
        return draw < failureRate ? .status(failureStatus) : .none
    }

    /// The answer to this provider's `arrival`-th request (1-based) at simulated time `time`.
    ///
    /// Draws are keyed by the seed, the provider and the arrival number, so the same run gives the
    /// same answers whatever the order of concurrent requests.
    public func answer(at time: TimeInterval, arrival: Int, draws: SimulationDraws) -> SimulatedAnswer {
        let provider = SimulationDraws.key(id)
        let number = UInt64(max(0, arrival))
        let fault = fault(at: time, draw: draws.unit(provider, number, 1))
        guard fault == .none else { return SimulatedAnswer(fault: fault, latencyMs: errorLatencyMs) }
        return SimulatedAnswer(fault: fault, latencyMs: latency.sample(draws.unit(provider, number, 2), draws.unit(provider, number, 3)))
    }
}
