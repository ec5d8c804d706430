import Foundation
import Synchronization

/// The shareable router: a ``RoutingEngine`` behind a `Mutex`, reading an injected ``RoutingClock``.
///
/// The gateway keeps one for the process, plans each request with ``plan(_:usage:)``, asks for
/// attempts with ``next(_:)`` and reports each outcome with ``record(_:for:in:)``.
public final class SharedRouter: Sendable {
    private let engine: Mutex<RoutingEngine>
    /// The clock health is read against.
    public let clock: any RoutingClock

    /// Creates a router with a configuration, a clock, optionally a persisted health state and a seed.
    public init(config: RoutingConfig, clock: any RoutingClock = SystemRoutingClock(), health: HealthState = HealthState(), seed: UInt64 = 0x5EED) {
        self.engine = Mutex(RoutingEngine(config: config, health: health, seed: seed))
        self.clock = clock
    }

    /// Replaces the configuration (health, counters and sticky sessions are kept).
    public func update(config: RoutingConfig) {
        engine.withLock { $0.config = config }
    }

    /// Plans a request. See ``RoutingEngine/plan(_:usage:now:)``.
    public func plan(_ request: RouteRequest, usage: UsageSnapshot = .empty) throws(RoutingError) -> RouteSession {
        let now = clock.now()
        return try engine.withLock { (engine: inout RoutingEngine) throws(RoutingError) -> RouteSession in
            try engine.plan(request, usage: usage, now: now)
        }
    }

    /// The next attempt, or `nil` when the session is done. See ``RoutingEngine/next(_:now:)``.
    public func next(_ session: inout RouteSession) -> Attempt? {
        let now = clock.now()
        return engine.withLock { $0.next(&session, now: now) }
    }

    /// Records an outcome and returns what to do next. See ``RoutingEngine/record(_:for:in:now:)``.
    public func record(_ outcome: AttemptOutcome, for attempt: Attempt, in session: inout RouteSession) -> AttemptDecision {
        let now = clock.now()
        return engine.withLock { $0.record(outcome, for: attempt, in: &session, now: now) }
    }

    /// Records the rate-limit headers of a response outside the attempt flow.
    public func recordQuota(_ key: AccountModelKey, headers: HeaderFields) {
        let now = clock.now()
        engine.withLock { $0.health.recordQuota(key, headers: headers, now: now) }
    }

    /// A copy of the health state, to persist.
    public func snapshot() -> HealthState {
        engine.withLock { $0.health }
    }

    /// Replaces the health state with a persisted one.
    /// Combines health learned by another instance sharing the store into this one's.
    public func merge(_ other: HealthState) {
        engine.withLock { $0.health = $0.health.merged(with: other) }
    }

    public func restore(_ health: HealthState) {
        engine.withLock { $0.health = health }
    }

    /// The admin table of account × model health.
    public func healthRows() -> [HealthRow] {
        let now = clock.now()
        return engine.withLock { $0.health.rows(now: now, breaker: $0.config.policy.breaker) }
    }

    /// Re-enables a disabled account.
    @discardableResult
    public func reenable(provider: String, account: Int) -> HealthEvent? {
        engine.withLock { $0.reenable(provider: provider, account: account) }
    }
}
