import Foundation

/// A circuit breaker for one provider+model, as a value-type state machine.
///
/// Closed: every attempt passes. It opens after `consecutiveFailures` failures in a row, or when more
/// than `failureRatio` of the last `window` attempts failed (once at least `minimumSamples` were seen).
/// Open: nothing passes until `openDuration` has elapsed. Half-open: exactly one probe passes; its
/// success closes the breaker, its failure opens it again. A probe that never reports back frees the
/// slot after `probeTimeout`.
public struct CircuitBreaker: Sendable, Hashable, Codable {
    /// The breaker's state.
    public enum State: Sendable, Hashable, Codable {
        /// Attempts pass.
        case closed
        /// Attempts are refused until the date.
        case open(until: Date)
        /// One probe may pass; `probeStartedAt` is set while it is under way.
        case halfOpen(probeStartedAt: Date?)
    }

    /// Thresholds and timings.
    public struct Settings: Sendable, Hashable, Codable {
        /// Failures in a row that open the breaker.
        public var consecutiveFailures: Int
        /// How many recent attempts the failure ratio looks at.
        public var window: Int
        /// The failure ratio above which the breaker opens.
        public var failureRatio: Double
        /// The least number of attempts in the window before the ratio rule applies.
        public var minimumSamples: Int
        /// How long the breaker stays open before a probe.
        public var openDuration: TimeInterval
        /// How long a probe may stay unanswered before another one is allowed.
        public var probeTimeout: TimeInterval

        /// Creates settings; the defaults are 3 in a row, >50 % of 20 (at least 10 seen), 30 s open.
        public init(
            consecutiveFailures: Int = 3,
            window: Int = 20,
            failureRatio: Double = 0.5,
            minimumSamples: Int = 10,
            openDuration: TimeInterval = 30,
            probeTimeout: TimeInterval = 120
        ) {
            self.consecutiveFailures = consecutiveFailures
            self.window = window
            self.failureRatio = failureRatio
            self.minimumSamples = minimumSamples
            self.openDuration = openDuration
            self.probeTimeout = probeTimeout
        }
    }

    /// Whether an attempt may go through now.
    public enum Admission: Sendable, Hashable {
        /// The breaker is closed.
        case allowed
        /// The breaker is half-open and this attempt is its single probe.
        case probe
        /// The breaker is open (or its probe is under way) until the date.
        case refused(until: Date)
    }

    /// What a recorded outcome did to the breaker.
    public enum Action: Sendable, Hashable {
        /// Nothing changed state.
        case none
        /// The breaker opened until the date.
        case opened(until: Date)
        /// The breaker closed after a successful probe.
        case closed
    }

    /// The current state.
    public private(set) var state: State = .closed
    /// Failures since the last success.
    public private(set) var consecutiveFailures = 0
    /// Recent outcomes, oldest first; `true` is a failure.
    public private(set) var recent: [Bool] = []
    /// When the state last changed (opened, probed or closed), so that instances sharing health can
    /// tell the newer news: a breaker closed by a probe after another instance saw it open stays closed.
    public private(set) var changedAt: Date?

    /// Creates a closed breaker.
    public init() {}

    /// Whether an attempt would be admitted now, without taking the probe slot.
    public func peek(now: Date, settings: Settings) -> Admission {
        switch state {
        case .closed:
            return .allowed
        case .open(let until):
            return now >= until ? .probe : .refused(until: until)
        case .halfOpen(let started):
            guard let started else { return .probe }
            let expiry = started.addingTimeInterval(settings.probeTimeout)
            return now >= expiry ? .probe : .refused(until: expiry)
        }
    }

    /// Admits an attempt, taking the single probe slot when half-open.
    public mutating func admit(now: Date, settings: Settings) -> Admission {
        let admission = peek(now: now, settings: settings)
        if admission == .probe {
            state = .halfOpen(probeStartedAt: now)
            changedAt = now
        }
        return admission
    }

    /// Records a success.
    public mutating func recordSuccess(now: Date, settings: Settings) -> Action {
        consecutiveFailures = 0
        push(false, settings: settings)
        if case .closed = state { return .none }
        state = .closed
        changedAt = now
        recent = []
        return .closed
    }

    /// Records a failure that counts against the breaker.
    public mutating func recordFailure(now: Date, settings: Settings) -> Action {
        consecutiveFailures += 1
        push(true, settings: settings)
        switch state {
        case .halfOpen, .open:
            return open(now: now, settings: settings)
        case .closed:
            let failures = recent.filter { $0 }.count
            let ratioTripped = recent.count >= settings.minimumSamples
                && Double(failures) / Double(recent.count) > settings.failureRatio
            if consecutiveFailures >= settings.consecutiveFailures || ratioTripped {
                return open(now: now, settings: settings)
            }
            return .none
        }
    }

    private mutating func open(now: Date, settings: Settings) -> Action {
        let until = now.addingTimeInterval(settings.openDuration)
        state = .open(until: until)
        changedAt = now
        return .opened(until: until)
    }

    private mutating func push(_ failure: Bool, settings: Settings) {
        recent.append(failure)
        if recent.count > settings.window { recent.removeFirst(recent.count - settings.window) }
    }
}
