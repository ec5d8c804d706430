import Foundation
import JunctionWire

extension RoutingEngine {
    /// Records an attempt's outcome in health and in the session, and says what the gateway does next.
    public mutating func record(_ outcome: AttemptOutcome, for attempt: Attempt, in session: inout RouteSession, now: Date) -> AttemptDecision {
        let provider = config.provider(attempt.provider)
        let context = RecordingContext(
            now: now, keyFingerprint: provider?.keyFingerprint(of: attempt.account),
            quotaWindow: provider?.quotaWindow, breaker: config.policy.breaker, latencyAlpha: config.policy.latencyAlpha
        )
        switch outcome {
        case .success(let success):
            session.healthEvents += health.recordSuccess(
                attempt.key, headers: success.headers, timeToFirstToken: success.timeToFirstToken,
                tokensPerSecond: success.tokensPerSecond, context: context
            )
            setOutcome("ok", kind: nil, in: &session)
            session.stopReason = .committed
            if let conversation = session.request.conversationKey, config.isSticky(session.request.model) {
                sticky.remember(
                    conversation: conversation, model: session.request.model, attempt: attempt, now: now,
                    ttl: config.policy.stickyTTL, capacity: config.policy.stickyCapacity
                )
            }
            return .commit

        case .failure(let failure):
            let classification = ErrorClassifier.classify(failure, now: now)
            let rule = config.policy.errorTable.rule(for: classification.kind)
            session.healthEvents += health.recordFailure(attempt.key, classification: classification, rule: rule, context: context)
            let code = failure.status.map { $0 == 200 ? (failure.transport?.rawValue ?? "200") : String($0) }
                ?? failure.transport?.rawValue ?? "error"
            setOutcome(code, kind: classification.kind, in: &session)
            session.lastFailure = classification

            if failure.phase == .afterCommit {
                session.stopReason = .returnedToClient
                return .returnToClient(classification)
            }
            switch rule.fallback {
            case .none:
                session.stopReason = .returnedToClient
                return .returnToClient(classification)
            case .largerContext:
                let window = attempt.profile?.contextWindow
                    ?? (session.request.estimatedInputTokens + (session.request.maxOutputTokens ?? 0))
                session.contextCeiling = max(session.contextCeiling ?? 0, window)
                return .next
            case .next:
                if classification.kind == .rateLimited, let reset = classification.resetAt,
                   reset > now, reset.timeIntervalSince(now) <= config.policy.maxRetryWait, reset < session.deadline,
                   !hasUsablePending(session, now: now) {
                    session.pending.insert(attempt, at: 0)
                    return .waitThenNext(until: reset)
                }
                return .next
            }
        }
    }

    private func hasUsablePending(_ session: RouteSession, now: Date) -> Bool {
        session.pending.contains { blockReason($0, session: session, now: now) == nil }
    }

    private func setOutcome(_ outcome: String, kind: ErrorKind?, in session: inout RouteSession) {
        guard !session.trace.isEmpty else { return }
        session.trace[session.trace.count - 1].outcome = outcome
        session.trace[session.trace.count - 1].errorKind = kind
    }

    /// Brings a disabled account back (admin action).
    @discardableResult
    public mutating func reenable(provider: String, account: Int) -> HealthEvent? {
        health.reenable(AccountKey(provider: provider, account: account))
    }
}
