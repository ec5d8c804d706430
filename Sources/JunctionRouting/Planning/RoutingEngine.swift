import Foundation
import JunctionWire

/// The routing state machine: configuration, health, strategy state and sticky sessions, with
/// `mutating` methods that plan a request, hand out its attempts and record their outcomes.
///
/// It never reads a clock or does I/O: every method takes `now`. ``SharedRouter`` wraps it behind a mutex
/// for the gateway to share.
///
/// ```swift
/// var engine = RoutingEngine(config: config)
/// var session = try engine.plan(RouteRequest(model: "fast"), now: now)
/// while let attempt = engine.next(&session, now: now) {
///     let outcome = await send(attempt)          // the gateway's work
///     switch engine.record(outcome, for: attempt, in: &session, now: now) {
///     case .commit, .returnToClient: return
///     case .next, .waitThenNext: continue
///     }
/// }
/// ```
public struct RoutingEngine: Sendable {
    /// The configuration in force.
    public var config: RoutingConfig
    /// The health state.
    public var health: HealthState
    /// Rotation counters and the random source.
    public var strategy: StrategyState
    /// Sticky conversations.
    public var sticky: StickyTable

    /// Creates an engine.
    public init(config: RoutingConfig, health: HealthState = HealthState(), seed: UInt64 = 0x5EED) {
        self.config = config
        self.health = health
        self.strategy = StrategyState(seed: seed)
        self.sticky = StickyTable()
    }

    /// Plans a request: resolves its model strings and returns a session holding the ordered attempts.
    ///
    /// Throws an unknown-model error (with suggestions), a combo-cycle error, or — when every target is
    /// filtered out or unavailable — a no-usable-target error listing the reasons.
    public mutating func plan(_ request: RouteRequest, usage: UsageSnapshot = .empty, now: Date) throws(RoutingError) -> RouteSession {
        let inputs = Planner.Inputs(request: request, config: config, health: health, usage: usage, sticky: sticky, now: now)
        let (attempts, skipped) = try Planner.plan(inputs, state: &strategy)
        if attempts.isEmpty {
            throw .noUsableTarget(request.model, skipped: skipped)
        }
        return RouteSession(
            request: request, startedAt: now, deadline: now.addingTimeInterval(config.policy.deadline),
            pending: attempts, skipped: skipped
        )
    }

    /// The next attempt to make, re-checking live health, the attempt cap and the deadline; `nil` when
    /// the session has nothing left (see ``RouteSession/stopReason``).
    public mutating func next(_ session: inout RouteSession, now: Date) -> Attempt? {
        guard session.stopReason == nil else { return nil }
        while !session.pending.isEmpty {
            if session.attemptsMade >= config.policy.maxAttempts {
                session.stopReason = .attemptCap
                return nil
            }
            if now >= session.deadline {
                session.stopReason = .deadline
                return nil
            }
            var attempt = session.pending.removeFirst()
            attempt.isProbe = false
            if let reason = blockReason(attempt, session: session, now: now) {
                session.skipped.append(SkippedTarget(provider: attempt.provider, model: attempt.upstreamModel, account: attempt.account, reason: reason))
                continue
            }
            switch health.admit(attempt.key.providerModel, now: now, settings: config.policy.breaker) {
            case .refused(let until):
                session.skipped.append(SkippedTarget(provider: attempt.provider, model: attempt.upstreamModel, account: attempt.account, reason: .breakerOpen(until: until)))
                continue
            case .probe:
                attempt.isProbe = true
            case .allowed:
                break
            }
            attempt.number = session.attemptsMade + 1
            strategy.accountUse[attempt.key.accountKey, default: 0] += 1
            session.trace.append(RouteTraceEntry(
                provider: attempt.provider, model: attempt.upstreamModel, account: attempt.account,
                tier: attempt.tier, outcome: ""
            ))
            return attempt
        }
        session.stopReason = .exhausted
        return nil
    }

    /// Why a planned attempt can no longer be made now (health changed, or a context error narrowed the field).
    func blockReason(_ attempt: Attempt, session: RouteSession, now: Date) -> SkipReason? {
        if let ceiling = session.contextCeiling {
            guard let window = attempt.profile?.contextWindow, window > ceiling else { return .notLargerContext }
        }
        let provider = config.provider(attempt.provider)
        let output = session.request.maxOutputTokens ?? config.policy.defaultOutputTokens
        let context = HealthState.Context(
            now: now, estimatedTokens: session.request.estimatedInputTokens + output,
            keyFingerprint: provider?.keyFingerprint(of: attempt.account), breaker: config.policy.breaker
        )
        return health.unavailability(of: attempt.key, context: context)
    }
}
