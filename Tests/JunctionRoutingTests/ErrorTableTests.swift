import Foundation
import JunctionRouting
import JunctionWire
import Testing

@Suite("Error table, row by row, on a manual clock")
struct ErrorTableTests {
    let clock = ManualRoutingClock()

    func router(_ config: RoutingConfig = Fixture.basicConfig()) -> SharedRouter {
        SharedRouter(config: config, clock: clock)
    }

    @Test func rateLimitWithRetryAfterRestsThatLongThenServesAgain() throws {
        let router = router()
        let first = try router.run(RouteRequest(model: "oai/gpt-4o"), clock: clock) { attempt in
            attempt.account == 0 ? fail(429, headers: ["Retry-After": "30"]) : ok
        }
        #expect(first.labels == ["oai/gpt-4o#0", "oai/gpt-4o#1"])
        #expect(first.session.routeHeader == "oai/gpt-4o#0:429,oai/gpt-4o#1:ok")

        clock.advance(by: 29)
        let during = try router.run(RouteRequest(model: "oai/gpt-4o")) { _ in ok }
        #expect(during.labels == ["oai/gpt-4o#1"])
        #expect(during.session.skipped.contains { $0.account == 0 && $0.reason == .resting(until: clock.now().addingTimeInterval(1)) })

        clock.advance(by: 1)
        let after = try router.run(RouteRequest(model: "oai/gpt-4o")) { _ in ok }
        #expect(after.labels == ["oai/gpt-4o#0"])
    }

    @Test func fiveHourResetIsHonouredNotCapped() throws {
        let router = router()
        let reset = clock.now().addingTimeInterval(5 * 3600)
        _ = try router.run(RouteRequest(model: "oai/gpt-4o")) { attempt in
            attempt.account == 0
                ? fail(429, headers: ["anthropic-ratelimit-requests-remaining": "0", "anthropic-ratelimit-requests-reset": reset.formatted(.iso8601)])
                : ok
        }
        clock.advance(by: 30 * 60 + 1)
        #expect(try router.run(RouteRequest(model: "oai/gpt-4o")) { _ in ok }.labels == ["oai/gpt-4o#1"])
        clock.advance(by: 4 * 3600)
        #expect(try router.run(RouteRequest(model: "oai/gpt-4o")) { _ in ok }.labels == ["oai/gpt-4o#1"])
        clock.set(reset)
        #expect(try router.run(RouteRequest(model: "oai/gpt-4o")) { _ in ok }.labels == ["oai/gpt-4o#0"])
    }

    @Test func rateLimitWithoutResetBacksOffExponentiallyToFiveMinutes() throws {
        let config = RoutingConfig(providers: [Fixture.provider("p", models: [Fixture.model("m")])])
        var engine = RoutingEngine(config: config)
        var now = clock.now()
        var waits: [TimeInterval] = []
        for _ in 0..<12 {
            var session = try engine.plan(RouteRequest(model: "p/m"), now: now)
            let attempt = try #require(engine.next(&session, now: now))
            _ = engine.record(fail(429), for: attempt, in: &session, now: now)
            let until = try #require(engine.health.models[attempt.key]?.restingUntil)
            waits.append(until.timeIntervalSince(now))
            now = until
        }
        #expect(waits == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300])
        // A success resets the backoff.
        var session = try engine.plan(RouteRequest(model: "p/m"), now: now)
        let attempt = try #require(engine.next(&session, now: now))
        _ = engine.record(ok, for: attempt, in: &session, now: now)
        #expect(engine.health.models[attempt.key]?.backoffLevel == 0)
    }

    @Test func authFailureDisablesTheAccountAndOthersServe() throws {
        var config = Fixture.basicConfig()
        config.providers[0].keyFingerprints = ["key-a", "key-b"]
        let router = router(config)
        let first = try router.run(RouteRequest(model: "oai/gpt-4o")) { $0.account == 0 ? fail(401, body: "invalid_api_key") : ok }
        #expect(first.labels == ["oai/gpt-4o#0", "oai/gpt-4o#1"])

        clock.advance(by: 30 * 24 * 3600)
        let later = try router.run(RouteRequest(model: "oai/gpt-4o-mini")) { _ in ok }
        #expect(later.labels == ["oai/gpt-4o-mini#1"], "the whole account is disabled, for every model")
        let row = try #require(router.healthRows().first { $0.account == 0 })
        #expect(row.status == .disabled && row.until == nil && row.lastError == "401: invalid_api_key")

        // A new key brings it back.
        config.providers[0].keyFingerprints = ["key-a2", "key-b"]
        router.update(config: config)
        #expect(try router.run(RouteRequest(model: "oai/gpt-4o")) { _ in ok }.labels == ["oai/gpt-4o#0"])
    }

    @Test func adminReenablesADisabledAccount() throws {
        let router = router()
        _ = try router.run(RouteRequest(model: "oai/gpt-4o")) { $0.account == 0 ? fail(403) : ok }
        #expect(try router.run(RouteRequest(model: "oai/gpt-4o")) { _ in ok }.labels == ["oai/gpt-4o#1"])
        #expect(router.reenable(provider: "oai", account: 0) == .accountEnabled(AccountKey(provider: "oai", account: 0)))
        #expect(try router.run(RouteRequest(model: "oai/gpt-4o")) { _ in ok }.labels == ["oai/gpt-4o#0"])
    }

    @Test func insufficientCreditsDisablesForTheQuotaWindow() throws {
        var config = Fixture.basicConfig()
        config.providers[0].quotaWindow = 5 * 3600
        let router = router(config)
        _ = try router.run(RouteRequest(model: "oai/gpt-4o")) { $0.account == 0 ? fail(402, body: "Insufficient credits") : ok }
        clock.advance(by: 5 * 3600 - 1)
        #expect(try router.run(RouteRequest(model: "oai/gpt-4o")) { _ in ok }.labels == ["oai/gpt-4o#1"])
        clock.advance(by: 1)
        #expect(try router.run(RouteRequest(model: "oai/gpt-4o")) { _ in ok }.labels == ["oai/gpt-4o#0"])
    }

    @Test("server faults open the breaker after three in a row", arguments: [
        fail(500), fail(503), failTransport(.timeout), failTransport(.connection), failTransport(.stall),
        failTransport(.emptyStream), failTransport(.streamError, body: #"{"type":"error","error":{"type":"overloaded_error"}}"#),
    ])
    func breakerOpensAndProbes(_ fault: AttemptOutcome) throws {
        let config = RoutingConfig(providers: [
            Fixture.provider("a", models: [Fixture.model("m")]),
            Fixture.provider("b", models: [Fixture.model("m")]),
        ])
        let router = router(config)
        for _ in 0..<3 {
            let run = try router.run(RouteRequest(model: "m")) { $0.provider == "a" ? fault : ok }
            #expect(run.labels == ["a/m#0", "b/m#0"], "the fault falls back to the next target")
        }
        #expect(try router.run(RouteRequest(model: "m")) { _ in ok }.labels == ["b/m#0"], "breaker open")

        clock.advance(by: 30)
        var probe = try router.plan(RouteRequest(model: "m"))
        let probeAttempt = try #require(router.next(&probe))
        #expect(probeAttempt.provider == "a" && probeAttempt.isProbe)
        // While the probe is under way, nobody else goes to a.
        #expect(try router.run(RouteRequest(model: "m")) { _ in ok }.labels == ["b/m#0"])
        // The probe fails: open again for 30 s.
        _ = router.record(fault, for: probeAttempt, in: &probe)
        clock.advance(by: 29)
        #expect(try router.run(RouteRequest(model: "m")) { _ in ok }.labels == ["b/m#0"])
        clock.advance(by: 1)
        // The next probe succeeds: closed, and a serves normally.
        let recovered = try router.run(RouteRequest(model: "m")) { _ in ok }
        #expect(recovered.labels == ["a/m#0"] && recovered.attempts[0].isProbe)
        let normal = try router.run(RouteRequest(model: "m")) { _ in ok }
        #expect(normal.labels == ["a/m#0"] && !normal.attempts[0].isProbe)
    }

    @Test func breakerOpensOnFailureRatioOverTheWindow() {
        var breaker = CircuitBreaker()
        let settings = CircuitBreaker.Settings()
        let now = clock.now()
        // Alternate failure/success: never three in a row, but 11 of 20 failures > 50 %.
        var opened = false
        for i in 0..<22 where !opened {
            if i % 2 == 0 || i == 21 {
                if case .opened = breaker.recordFailure(now: now, settings: settings) { opened = true }
            } else {
                _ = breaker.recordSuccess(now: now, settings: settings)
            }
        }
        #expect(opened)
        #expect(breaker.peek(now: now, settings: settings) == .refused(until: now.addingTimeInterval(30)))
    }

    @Test func badRequestReturnsToClientWithoutCooldownOrFallback() throws {
        let router = router()
        let run = try router.run(RouteRequest(model: "gpt-4o")) { _ in fail(400, body: "messages.0.content: field required") }
        #expect(run.labels == ["oai/gpt-4o#0"])
        guard case .returnToClient(let error) = run.decisions.last else { Issue.record("expected returnToClient"); return }
        #expect(error.kind == .badRequest)
        #expect(run.session.stopReason == .returnedToClient)
        // No account cooled down: the next request starts at the same place and all accounts are healthy.
        #expect(try router.run(RouteRequest(model: "gpt-4o")) { _ in ok }.labels == ["oai/gpt-4o#0"])
        #expect(router.healthRows().allSatisfy { $0.status == .healthy })
    }

    @Test func contextTooLongSkipsTargetsWithoutALargerWindow() throws {
        let config = RoutingConfig(
            providers: [
                Fixture.provider("small", accounts: 2, models: [Fixture.model("m", window: 32_000)]),
                Fixture.provider("same", models: [Fixture.model("m", window: 32_000)]),
                Fixture.provider("unknown", models: [Fixture.model("m", window: nil)]),
                Fixture.provider("large", models: [Fixture.model("m", window: 200_000)]),
            ]
        )
        let router = router(config)
        let run = try router.run(RouteRequest(model: "m", estimatedInputTokens: 20_000)) { attempt in
            attempt.provider == "large" ? ok : fail(400, body: "This model's maximum context length is 32000 tokens (context_length_exceeded)")
        }
        #expect(run.labels == ["small/m#0", "large/m#0"])
        #expect(run.session.skipped.filter { $0.reason == .notLargerContext }.map(\.label) == ["small/m#1", "same/m", "unknown/m"].map { $0 == "small/m#1" ? $0 : $0 + "#0" })
        #expect(router.healthRows().allSatisfy { $0.status == .healthy }, "no cooldown")
    }

    @Test func contextWindowTooSmallIsSkippedAtPlanning() throws {
        let config = RoutingConfig(providers: [
            Fixture.provider("small", models: [Fixture.model("m", window: 8_000)]),
            Fixture.provider("large", models: [Fixture.model("m", window: 200_000)]),
        ])
        let session = try router(config).plan(RouteRequest(model: "m", estimatedInputTokens: 10_000, maxOutputTokens: 2_000))
        #expect(session.pending.map(\.provider) == ["large"])
        #expect(session.skipped == [SkippedTarget(provider: "small", model: "m", reason: .contextTooSmall(window: 8_000, needed: 12_000))])
    }

    @Test func modelNotFoundDisablesTheAccountModelForAnHour() throws {
        let router = router()
        let run = try router.run(RouteRequest(model: "gpt-4o")) { $0.provider == "oai" && $0.account == 0 ? fail(404) : ok }
        #expect(run.labels == ["oai/gpt-4o#0", "oai/gpt-4o#1"])
        clock.advance(by: 3599)
        #expect(try router.run(RouteRequest(model: "gpt-4o")) { _ in ok }.labels == ["oai/gpt-4o#1"])
        #expect(try router.run(RouteRequest(model: "gpt-4o-mini")) { _ in ok }.labels == ["oai/gpt-4o-mini#0"], "only that model")
        clock.advance(by: 1)
        #expect(try router.run(RouteRequest(model: "gpt-4o")) { _ in ok }.labels == ["oai/gpt-4o#0"])
    }

    @Test func otherClientErrorsFallBackWithoutCooldown() throws {
        let router = router()
        let run = try router.run(RouteRequest(model: "gpt-4o")) { $0.account == 0 ? fail(406) : ok }
        #expect(run.labels == ["oai/gpt-4o#0", "oai/gpt-4o#1"])
        #expect(try router.run(RouteRequest(model: "gpt-4o")) { _ in ok }.labels == ["oai/gpt-4o#0"])
    }

    @Test func failureAfterCommitDoesNotFailOver() throws {
        let router = router()
        var session = try router.plan(RouteRequest(model: "gpt-4o"))
        let attempt = try #require(router.next(&session))
        let decision = router.record(.failure(AttemptFailure(status: 200, transport: .stall, phase: .afterCommit)), for: attempt, in: &session)
        guard case .returnToClient = decision else { Issue.record("expected returnToClient"); return }
        #expect(router.next(&session) == nil)
    }

    @Test func theTableIsConfigurable() throws {
        var policy = RoutingPolicy()
        policy.errorTable = ErrorTable.standard.setting(.badRequest, to: ErrorRule(effect: .none, fallback: .next))
        let router = router(Fixture.basicConfig(policy: policy))
        let run = try router.run(RouteRequest(model: "gpt-4o")) { $0.account == 0 ? fail(400) : ok }
        #expect(run.labels == ["oai/gpt-4o#0", "oai/gpt-4o#1"])
    }

    @Test func tableRulesCanBeSetByConfigurationNames() throws {
        let table = try #require(ErrorTable.standard.setting(kind: "model_not_found", effect: "disable_account_model", seconds: 600, fallback: "next"))
        #expect(table.rule(for: .modelNotFound) == ErrorRule(effect: .disableAccountModel(seconds: 600), fallback: .next))
        #expect(ErrorTable.standard.setting(kind: "bad_request", effect: "explode", fallback: "next") == nil)
        #expect(ErrorTable.standard.setting(kind: "nope", effect: "none", fallback: "next") == nil)
        #expect(ErrorTable.standard.setting(kind: "context_too_long", effect: "none", fallback: "larger_context") != nil)
    }

    @Test func sessionsReportHealthEventsAndNoTargetErrorsCarryRetryAfter() throws {
        let router = router(RoutingConfig(providers: [Fixture.provider("p", models: [Fixture.model("m")])]))
        let run = try router.run(RouteRequest(model: "p/m")) { _ in fail(429, headers: ["retry-after": "90"]) }
        let key = AccountModelKey(provider: "p", account: 0, model: "m")
        #expect(run.session.healthEvents == [.resting(key, until: clock.now().addingTimeInterval(90))])
        #expect { try router.plan(RouteRequest(model: "p/m")) } throws: { error in
            (error as? RoutingError)?.retryAfter == clock.now().addingTimeInterval(90)
        }
    }
}
