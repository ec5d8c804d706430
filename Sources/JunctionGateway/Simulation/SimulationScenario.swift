import Foundation

/// A chaos-simulation scenario: simulated providers, a traffic profile, a Junction configuration
/// to route with, and the service-level objectives the run must meet.
///
/// Read from YAML by ``SimulationScenarioLoader``; run by `junction simulate`. All times are
/// simulated seconds from the start of the run.
public struct SimulationScenario: Sendable {
    /// A short title, printed above the report.
    public var name: String
    /// Seeds every random draw (arrivals, request mix, latencies, failures), so a run repeats.
    public var seed: UInt64
    /// Simulated seconds per real second: 100 means one simulated minute takes 0.6 s.
    public var timeScale: Double
    /// The requests clients send.
    public var traffic: TrafficProfile
    /// How each provider behaves over time, by provider id.
    public var providers: [SimulatedProvider]
    /// The routing configuration under test (providers' base URLs are replaced by the simulator's).
    public var config: JunctionConfig
    /// What the run must achieve.
    public var objectives: [ServiceLevelObjective]

    /// Creates a scenario.
    public init(
        name: String, seed: UInt64 = 1, timeScale: Double = 100, traffic: TrafficProfile, providers: [SimulatedProvider],
        config: JunctionConfig, objectives: [ServiceLevelObjective] = []
    ) {
        self.name = name
        self.seed = seed
        self.timeScale = timeScale
        self.traffic = traffic
        self.providers = providers
        self.config = config
        self.objectives = objectives
    }

    /// The simulated provider with this id.
    public func provider(id: String) -> SimulatedProvider? { providers.first { $0.id == id } }
}

/// The client traffic of a scenario.
public struct TrafficProfile: Sendable, Hashable {
    /// How arrivals are spaced.
    public enum Arrivals: String, Sendable, Hashable {
        /// Random, memoryless gaps (exponential), as independent clients produce.
        case poisson
        /// Evenly spaced.
        case uniform
    }

    /// Requests per simulated second, on average.
    public var rate: Double
    /// How long traffic lasts, in simulated seconds.
    public var duration: TimeInterval
    /// The most requests in flight at once.
    public var concurrency: Int
    public var arrivals: Arrivals
    /// The kinds of request sent, drawn by weight.
    public var mix: [RequestKind]
    /// The simulated time between two clock steps; requests that arrive within one step are sent together.
    public var step: TimeInterval

    /// Creates a traffic profile.
    public init(
        rate: Double, duration: TimeInterval, concurrency: Int = 4, arrivals: Arrivals = .poisson, mix: [RequestKind],
        step: TimeInterval = 1
    ) {
        self.rate = rate
        self.duration = duration
        self.concurrency = concurrency
        self.arrivals = arrivals
        self.mix = mix
        self.step = step
    }
}

/// One kind of request in the traffic mix.
public struct RequestKind: Sendable, Hashable {
    /// The model the client asks for: a combo, `provider/model` or a logical model.
    public var model: String
    /// Whether the client asks for a stream.
    public var stream: Bool
    /// The relative share of this kind.
    public var weight: Double

    /// Creates a request kind.
    public init(model: String, stream: Bool = false, weight: Double = 1) {
        self.model = model
        self.stream = stream
        self.weight = weight
    }
}

/// How one simulated provider behaves: its latency, its random failures, and windows of outage and
/// rate limiting at fixed simulated times.
public struct SimulatedProvider: Sendable, Hashable {
    /// The provider id, as in the Junction configuration.
    public var id: String
    /// Time to answer a successful request.
    public var latency: LatencyDistribution
    /// Time to answer with an error (429, 5xx), in simulated milliseconds.
    public var errorLatencyMs: Double
    /// The chance, from 0 to 1, that a request outside any window fails with ``failureStatus``.
    public var failureRate: Double
    public var failureStatus: Int
    /// Windows in which every request fails.
    public var outages: [Outage]
    /// Windows in which every request gets a 429 with the time until the window's reset.
    public var rateLimits: [RateLimitWindow]

    /// Creates a simulated provider.
    public init(
        id: String, latency: LatencyDistribution = .init(p50: 500, p95: 1500), errorLatencyMs: Double = 50,
        failureRate: Double = 0, failureStatus: Int = 500, outages: [Outage] = [], rateLimits: [RateLimitWindow] = []
    ) {
        self.id = id
        self.latency = latency
        self.errorLatencyMs = errorLatencyMs
        self.failureRate = failureRate
        self.failureStatus = failureStatus
        self.outages = outages
        self.rateLimits = rateLimits
    }
}

/// A window `[from, to)` of simulated time in which a provider answers every request with `status`.
public struct Outage: Sendable, Hashable {
    public var from: TimeInterval
    public var to: TimeInterval
    public var status: Int

    /// Creates an outage.
    public init(from: TimeInterval, to: TimeInterval, status: Int = 503) {
        self.from = from
        self.to = to
        self.status = status
    }
}

/// A window `[from, to)` in which a provider answers `429`, saying its quota resets at `reset`.
public struct RateLimitWindow: Sendable, Hashable {
    public var from: TimeInterval
    public var to: TimeInterval
    /// When the provider says the limit resets (the `retry-after` it sends counts down to it).
    public var reset: TimeInterval

    /// Creates a rate-limit window; the reset defaults to the window's end.
    public init(from: TimeInterval, to: TimeInterval, reset: TimeInterval? = nil) {
        self.from = from
        self.to = to
        self.reset = reset ?? to
    }
}
