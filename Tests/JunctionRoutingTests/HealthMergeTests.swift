import Foundation
import JunctionRouting
import JunctionWire
import Testing

@Suite("Merging the health of two instances")
struct HealthMergeTests {
    let clock = ManualRoutingClock()
    let key = AccountModelKey(provider: "p", account: 0, model: "m")
    var account: AccountKey { key.accountKey }
    var pair: ProviderModelKey { key.providerModel }

    func at(_ seconds: TimeInterval) -> Date { clock.now().addingTimeInterval(seconds) }

    /// Checks `lhs.merged(with: rhs)`, and that the merge is commutative and idempotent.
    func merge(_ lhs: HealthState, _ rhs: HealthState) -> HealthState {
        let merged = lhs.merged(with: rhs)
        #expect(rhs.merged(with: lhs) == merged)
        #expect(merged.merged(with: merged) == merged)
        #expect(merged.merged(with: lhs) == merged)
        return merged
    }

    @Test func emptyStatesMergeToEmptyAndKeysFromBothSidesSurvive() {
        #expect(merge(HealthState(), HealthState()) == HealthState())
        let other = AccountModelKey(provider: "q", account: 1, model: "n")
        let lhs = HealthState(models: [key: ModelHealth(restingUntil: at(60))])
        let rhs = HealthState(models: [other: ModelHealth(disabledUntil: at(90))])
        let merged = merge(lhs, rhs)
        #expect(merged.models[key]?.restingUntil == at(60))
        #expect(merged.models[other]?.disabledUntil == at(90))
        #expect(merge(lhs, HealthState()) == lhs)
    }

    @Test func theLaterCooldownAndDisableWin() {
        let lhs = HealthState(models: [key: ModelHealth(restingUntil: at(60), disabledUntil: at(500), backoffLevel: 1)])
        let rhs = HealthState(models: [key: ModelHealth(restingUntil: at(120), disabledUntil: nil, backoffLevel: 3)])
        let merged = merge(lhs, rhs).models[key]
        #expect(merged?.restingUntil == at(120))
        #expect(merged?.disabledUntil == at(500))
        #expect(merged?.backoffLevel == 3)
        // The merged state refuses the account+model for as long as either instance would.
        let state = merge(lhs, rhs)
        #expect(state.unavailability(of: key, context: .init(now: at(100))) == .modelDisabled(until: at(500)))
        clock.advance(by: 501)
        #expect(state.unavailability(of: key, context: .init(now: clock.now())) == nil)
    }

    @Test func theLaterErrorAndSuccessAreKept() {
        let lhs = HealthState(models: [key: ModelHealth(lastErrorKind: .rateLimited, lastError: "429", lastErrorAt: at(10), lastSuccessAt: at(50))])
        let rhs = HealthState(models: [key: ModelHealth(lastErrorKind: .serverFault, lastError: "503", lastErrorAt: at(20), lastSuccessAt: at(5))])
        let merged = merge(lhs, rhs).models[key]
        #expect(merged?.lastErrorKind == .serverFault)
        #expect(merged?.lastError == "503")
        #expect(merged?.lastErrorAt == at(20))
        #expect(merged?.lastSuccessAt == at(50))
    }

    @Test func aDisabledAccountStaysDisabledForTheLongerTime() {
        let short = AccountDisable(kind: .insufficientCredits, reason: "credits", since: at(0), until: at(3600), keyFingerprint: "a")
        let forever = AccountDisable(kind: .authInvalid, reason: "401", since: at(-10), until: nil, keyFingerprint: "a")
        let later = AccountDisable(kind: .insufficientCredits, reason: "credits", since: at(5), until: at(7200), keyFingerprint: "a")
        let enabled = HealthState(accounts: [account: AccountHealth()])
        #expect(merge(enabled, HealthState(accounts: [account: AccountHealth(disabled: short)])).accounts[account]?.disabled == short)
        #expect(merge(HealthState(accounts: [account: AccountHealth(disabled: short)]),
                      HealthState(accounts: [account: AccountHealth(disabled: forever)])).accounts[account]?.disabled == forever)
        #expect(merge(HealthState(accounts: [account: AccountHealth(disabled: short)]),
                      HealthState(accounts: [account: AccountHealth(disabled: later)])).accounts[account]?.disabled == later)
    }

    @Test func openBeatsHalfOpenBeatsClosedAndTheLaterOpeningWins() {
        let settings = CircuitBreaker.Settings(consecutiveFailures: 2, openDuration: 30)
        var closed = CircuitBreaker()
        _ = closed.recordFailure(now: at(0), settings: settings)
        var open = CircuitBreaker()
        _ = open.recordFailure(now: at(0), settings: settings)
        _ = open.recordFailure(now: at(1), settings: settings)
        #expect(open.state == .open(until: at(31)))
        var laterOpen = CircuitBreaker()
        _ = laterOpen.recordFailure(now: at(10), settings: settings)
        _ = laterOpen.recordFailure(now: at(11), settings: settings)
        var halfOpen = open
        _ = halfOpen.admit(now: at(40), settings: settings)
        #expect(halfOpen.state == .halfOpen(probeStartedAt: at(40)))

        func merged(_ lhs: CircuitBreaker, _ rhs: CircuitBreaker) -> CircuitBreaker? {
            merge(HealthState(breakers: [pair: lhs]), HealthState(breakers: [pair: rhs])).breakers[pair]
        }
        #expect(merged(closed, open) == open)
        #expect(merged(closed, halfOpen) == halfOpen)
        // The newer change wins whole: the probe at 40 is newer news than an opening at 11.
        #expect(merged(halfOpen, laterOpen) == halfOpen)
        #expect(merged(open, laterOpen)?.state == .open(until: at(41)))
        #expect(merged(CircuitBreaker(), closed) == closed) // more failures in a row
        let state = merge(HealthState(breakers: [pair: closed]), HealthState(breakers: [pair: laterOpen]))
        #expect(state.unavailability(of: key, context: .init(now: at(20), breaker: settings)) == .breakerOpen(until: at(41)))
    }

    @Test func aBreakerClosedByAProbeStaysClosedAgainstAnOlderOpening() {
        let settings = CircuitBreaker.Settings(consecutiveFailures: 1, openDuration: 30)
        var seenOpen = CircuitBreaker()
        _ = seenOpen.recordFailure(now: at(0), settings: settings)
        var recovered = seenOpen
        _ = recovered.admit(now: at(31), settings: settings)
        _ = recovered.recordSuccess(now: at(32), settings: settings)
        #expect(recovered.state == .closed)
        let state = merge(HealthState(breakers: [pair: seenOpen]), HealthState(breakers: [pair: recovered]))
        #expect(state.breakers[pair]?.state == .closed, "the other instance's stale opening must not undo the recovery")
        var failedAgain = recovered
        _ = failedAgain.recordFailure(now: at(40), settings: settings)
        #expect(merge(HealthState(breakers: [pair: recovered]), HealthState(breakers: [pair: failedAgain])).breakers[pair] == failedAgain)
    }

    @Test func quotaKeepsTheLowerRemainingWithTheLaterResetWithinAWindow() {
        let reset = at(60)
        let lhs = RateLimitInfo(remainingRequests: 10, remainingTokens: 5_000, requestsReset: reset, tokensReset: at(30))
        let rhs = RateLimitInfo(remainingRequests: 4, remainingTokens: 9_000, requestsReset: reset, tokensReset: at(45), retryAfter: at(5))
        let merged = merge(HealthState(models: [key: ModelHealth(quota: lhs)]), HealthState(models: [key: ModelHealth(quota: rhs)]))
            .models[key]?.quota
        #expect(merged?.remainingRequests == 4)
        #expect(merged?.requestsReset == reset)
        // A later reset is a newer reading of the same sliding window: it wins whole.
        #expect(merged?.remainingTokens == 9_000)
        #expect(merged?.tokensReset == at(45))
        #expect(merged?.retryAfter == at(5))
    }

    @Test func quotaWithoutResetsTakesTheLowerCountAndAnyReset() {
        let lhs = RateLimitInfo(remainingRequests: 3)
        let rhs = RateLimitInfo(remainingRequests: 8, requestsReset: at(20))
        let merged = lhs.merged(with: rhs)
        #expect(merged == RateLimitInfo(remainingRequests: 3, requestsReset: at(20)))
        #expect(rhs.merged(with: lhs) == merged)
        #expect(RateLimitInfo().merged(with: rhs) == rhs)
    }

    @Test func aSpentWindowThatPassedIsNotCarriedIntoTheNextOne() {
        // One instance saw the window run out at +60; the other, later, saw the next window.
        let spent = RateLimitInfo(remainingRequests: 0, requestsReset: at(60))
        let fresh = RateLimitInfo(remainingRequests: 500, requestsReset: at(3660))
        let state = merge(HealthState(models: [key: ModelHealth(quota: spent)]), HealthState(models: [key: ModelHealth(quota: fresh)]))
        #expect(state.models[key]?.quota == fresh)
        clock.advance(by: 61)
        #expect(state.unavailability(of: key, context: .init(now: clock.now())) == nil)
    }

    @Test func latencyKeepsTheFresherStatistics() {
        let old = LatencyStats(timeToFirstToken: 2, tokensPerSecond: 40, samples: 100, lastSampleAt: at(0))
        let fresh = LatencyStats(timeToFirstToken: 1, tokensPerSecond: 60, samples: 3, lastSampleAt: at(30))
        #expect(merge(HealthState(latency: [pair: old]), HealthState(latency: [pair: fresh])).latency[pair] == fresh)
    }

    @Test func mergingRecordedStatesHonoursWhatEitherInstanceLearned() {
        let context = RecordingContext(now: clock.now())
        var one = HealthState()
        one.recordSuccess(key, context: context)
        var two = HealthState()
        two.recordQuota(key, headers: HeaderFields([("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "30s")]), now: clock.now())
        let merged = merge(one, two)
        #expect(merged.models[key]?.lastSuccessAt == clock.now())
        #expect(merged.unavailability(of: key, context: .init(now: clock.now())) == .quotaExhausted(what: "requests", until: at(30)))
    }
}
