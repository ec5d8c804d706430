import Foundation
import JunctionRouting
import JunctionWire
import Testing

@Suite("Attempt cap, deadline, route header, health snapshot")
struct BoundsAndVisibilityTests {
    let clock = ManualRoutingClock()

    static let wide = RoutingConfig(providers: (0..<5).map { Fixture.provider("p\($0)", accounts: 2, models: [Fixture.model("m")]) })

    @Test func atMostSixAttempts() throws {
        let router = SharedRouter(config: Self.wide, clock: clock)
        let run = try router.run(RouteRequest(model: "m")) { _ in fail(503) }
        #expect(run.attempts.count == 6)
        #expect(run.session.stopReason == .attemptCap)
        #expect(run.attempts.map(\.number) == [1, 2, 3, 4, 5, 6])
    }

    @Test func theCapIsConfigurable() throws {
        var config = Self.wide
        config.policy.maxAttempts = 2
        let run = try SharedRouter(config: config, clock: clock).run(RouteRequest(model: "m")) { _ in fail(503) }
        #expect(run.attempts.count == 2)
    }

    @Test func theDeadlineStopsFailover() throws {
        var config = Self.wide
        config.policy.deadline = 20
        let router = SharedRouter(config: config, clock: clock)
        let run = try router.run(RouteRequest(model: "m")) { _ in
            clock.advance(by: 8)  // each attempt times out after 8 s
            return failTransport(.timeout)
        }
        #expect(run.attempts.count == 3)
        #expect(run.session.stopReason == .deadline)
    }

    @Test func aRetryAfterPastTheDeadlineMeansNextTargetNotAWait() throws {
        var config = RoutingConfig(providers: [Fixture.provider("a", models: [Fixture.model("m")]), Fixture.provider("b", models: [Fixture.model("m")])])
        config.policy.deadline = 20
        let router = SharedRouter(config: config, clock: clock)
        let run = try router.run(RouteRequest(model: "m"), clock: clock) { $0.provider == "a" ? fail(429, headers: ["retry-after": "30"]) : ok }
        #expect(run.labels == ["a/m#0", "b/m#0"])
        #expect(run.decisions.first == .next)
    }

    @Test func aShortResetWithNothingElseLeftIsWaitedFor() throws {
        let router = SharedRouter(config: RoutingConfig(providers: [Fixture.provider("a", models: [Fixture.model("m")])]), clock: clock)
        var calls = 0
        let start = clock.now()
        let run = try router.run(RouteRequest(model: "m"), clock: clock) { _ in
            calls += 1
            return calls == 1 ? fail(429, headers: ["retry-after": "2"]) : ok
        }
        #expect(run.decisions == [.waitThenNext(until: start.addingTimeInterval(2)), .commit])
        #expect(run.labels == ["a/m#0", "a/m#0"])
        // A long one is not waited for.
        clock.advance(by: 100)
        let long = try router.run(RouteRequest(model: "m"), clock: clock) { _ in fail(429, headers: ["retry-after": "60"]) }
        #expect(long.decisions == [.next] && long.session.stopReason == .exhausted)
        #expect(long.session.lastFailure?.kind == .rateLimited)
    }

    @Test func routeHeaderIsCompact() throws {
        let config = RoutingConfig(
            providers: [Fixture.provider("oai", accounts: 2, models: [Fixture.model("gpt-4o")]), Fixture.provider("backup", models: [Fixture.model("gpt-4o-mini")])],
            combos: [ComboConfig(name: "c", targets: ["oai/gpt-4o", "backup/gpt-4o-mini"])]
        )
        let router = SharedRouter(config: config, clock: clock)
        let run = try router.run(RouteRequest(model: "c")) { attempt in
            switch attempt.account {
            case 0 where attempt.provider == "oai": fail(500)
            case 1: fail(429)
            default: ok
            }
        }
        #expect(run.session.routeHeader == "oai/gpt-4o#0:500,oai/gpt-4o#1:429,backup/gpt-4o-mini#0:ok")
        let stream = try router.run(RouteRequest(model: "backup/gpt-4o-mini")) { _ in failTransport(.streamError, body: "overloaded") }
        #expect(stream.session.routeHeader == "backup/gpt-4o-mini#0:stream-error")
    }

    @Test func healthSnapshotRoundTripsThroughCodable() throws {
        let router = SharedRouter(config: Self.wide, clock: clock)
        _ = try router.run(RouteRequest(model: "m")) { attempt in
            switch (attempt.provider, attempt.account) {
            case ("p0", 0): fail(429, headers: ["retry-after": "3600", "x-ratelimit-remaining-tokens": "0"])
            case ("p0", _): fail(401, body: "bad key")
            case ("p1", 0): fail(404)
            default: .success(AttemptSuccess(headers: ["x-ratelimit-remaining-requests": "42"], timeToFirstToken: 0.4))
            }
        }
        for _ in 0..<2 {  // two accounts each time: the third fault opens the breaker
            _ = try router.run(RouteRequest(model: "p2/m", preferences: ProviderPreferences(only: ["p2"]))) { _ in fail(500) }
        }
        let state = router.snapshot()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(state)
        let decoded = try JSONDecoder().decode(HealthState.self, from: data)
        #expect(decoded == state)
        #expect(try encoder.encode(decoded) == data, "stable encoding")

        let restored = SharedRouter(config: Self.wide, clock: clock)
        restored.restore(decoded)
        #expect(restored.healthRows() == router.healthRows())
        let rows = router.healthRows()
        #expect(rows.map(\.status) == [.resting, .disabled, .disabled, .healthy, .circuitOpen, .circuitOpen])
        #expect(rows[3].remainingRequests == 42)
        #expect(rows[0].remainingTokens == 0 && rows[0].until == clock.now().addingTimeInterval(3600))
        #expect(try router.plan(RouteRequest(model: "m")).pending.map(\.label) == restored.plan(RouteRequest(model: "m")).pending.map(\.label))
        #expect(try JSONDecoder().decode([HealthRow].self, from: JSONEncoder().encode(rows)) == rows)
    }

    @Test func disabledAccountsWithoutModelRowsStillShow() {
        var health = HealthState()
        let now = clock.now()
        health.recordFailure(
            AccountModelKey(provider: "p", account: 1, model: "m"),
            classification: ErrorClassification(kind: .authInvalid, reason: "401: revoked"),
            rule: ErrorTable.standard.rule(for: .authInvalid),
            context: RecordingContext(now: now)
        )
        health.models = [:]
        #expect(health.rows(now: now) == [HealthRow(provider: "p", account: 1, model: "*", status: .disabled, lastError: "401: revoked", lastErrorAt: now)])
    }

    @Test func validationReportsUnknownComboMembers() {
        let config = RoutingConfig(
            providers: [Fixture.provider("p", models: [Fixture.model("m")])],
            combos: [ComboConfig(name: "c", targets: ["p/m", "p/mm"])]
        )
        let problems = config.validate()
        #expect(problems.count == 1 && problems[0].isUnknownModel && problems[0].suggestions.first == "p/m")
    }
}
