import Foundation
import JunctionRouting
import JunctionWire
import Testing

@Suite("Accounts, quota headers and budgets")
struct AccountAndQuotaTests {
    let clock = ManualRoutingClock()

    func router(_ selection: AccountSelection, accounts: Int = 3, budgets: [AccountBudget] = []) -> SharedRouter {
        SharedRouter(config: RoutingConfig(providers: [Fixture.provider("p", accounts: accounts, selection: selection, models: [Fixture.model("m"), Fixture.model("n")], budgets: budgets)]), clock: clock)
    }

    func accounts(_ router: SharedRouter, usage: UsageSnapshot = .empty) throws -> [Int] {
        try router.plan(RouteRequest(model: "p/m"), usage: usage).pending.map(\.account)
    }

    @Test func fillFirstAlwaysStartsAtTheFirstUsableAccount() throws {
        let router = router(.fillFirst)
        for _ in 0..<3 { #expect(try accounts(router) == [0, 1, 2]) }
        _ = try router.run(RouteRequest(model: "p/m")) { $0.account == 0 ? fail(429, headers: ["retry-after": "60"]) : ok }
        #expect(try accounts(router) == [1, 2])
    }

    @Test func roundRobinRotatesAccounts() throws {
        let router = router(.roundRobin)
        #expect(try (0..<4).map { _ in try accounts(router) } == [[0, 1, 2], [1, 2, 0], [2, 0, 1], [0, 1, 2]])
    }

    @Test func leastUsedPrefersTheQuietestAccount() throws {
        let router = router(.leastUsed)
        // Without supplied counts: this process's own attempt counts.
        let served = try (0..<6).map { _ in try router.run(RouteRequest(model: "p/m")) { _ in ok }.attempts[0].account }
        #expect(served == [0, 1, 2, 0, 1, 2])
        // With counts from the ledger.
        var usage = UsageSnapshot()
        usage.set(AccountKey(provider: "p", account: 0), window: 3600, .init(requests: 50))
        usage.set(AccountKey(provider: "p", account: 1), window: 3600, .init(requests: 5))
        usage.set(AccountKey(provider: "p", account: 2), window: 3600, .init(requests: 20))
        #expect(try accounts(router, usage: usage) == [1, 2, 0])
    }

    @Test func exhaustedQuotaHeadersPassTheAccountOverBeforeItFails() throws {
        let router = router(.fillFirst)
        let reset = "2m0s"
        _ = try router.run(RouteRequest(model: "p/m")) { _ in
            .success(AttemptSuccess(headers: ["x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": reset, "x-ratelimit-remaining-tokens": "5000"]))
        }
        let session = try router.plan(RouteRequest(model: "p/m"))
        #expect(session.pending.map(\.account) == [1, 2])
        #expect(session.skipped.first?.reason == .quotaExhausted(what: "requests", until: clock.now().addingTimeInterval(120)))
        clock.advance(by: 120)
        #expect(try accounts(router) == [0, 1, 2])
    }

    @Test func tooFewTokensLeftPassesTheAccountOver() throws {
        let router = router(.fillFirst)
        _ = try router.run(RouteRequest(model: "p/m")) { _ in
            .success(AttemptSuccess(headers: ["anthropic-ratelimit-tokens-remaining": "3000", "anthropic-ratelimit-tokens-reset": clock.now().addingTimeInterval(40).formatted(.iso8601)]))
        }
        #expect(try router.plan(RouteRequest(model: "p/m", estimatedInputTokens: 1_000, maxOutputTokens: 1_000)).pending.map(\.account) == [0, 1, 2])
        #expect(try router.plan(RouteRequest(model: "p/m", estimatedInputTokens: 4_000, maxOutputTokens: 1_000)).pending.map(\.account) == [1, 2])
    }

    @Test func budgetsOverRollingWindows() throws {
        let router = router(.fillFirst, budgets: [AccountBudget(window: 5 * 3600, maxRequests: 100), AccountBudget(window: 7 * 86_400, maxTokens: 1_000_000)])
        var usage = UsageSnapshot()
        usage.set(AccountKey(provider: "p", account: 0), window: 5 * 3600, .init(requests: 100))
        usage.set(AccountKey(provider: "p", account: 1), window: 7 * 86_400, .init(requests: 3, tokens: 1_200_000))
        usage.set(AccountKey(provider: "p", account: 2), window: 5 * 3600, .init(requests: 99))
        let session = try router.plan(RouteRequest(model: "p/m"), usage: usage)
        #expect(session.pending.map(\.account) == [2])
        let expected: [SkipReason] = [.budgetExhausted(window: 18_000), .budgetExhausted(window: 604_800)]
        #expect(session.skipped.map(\.reason) == expected)
    }

    @Test func everyAccountRestingIsNoUsableTargetWithRetryAfter() throws {
        let router = router(.fillFirst, accounts: 2)
        _ = try router.run(RouteRequest(model: "p/m")) { $0.account == 0 ? fail(429, headers: ["retry-after": "90"]) : fail(429, headers: ["retry-after": "30"]) }
        #expect { try router.plan(RouteRequest(model: "p/m")) } throws: { error in
            guard let error = error as? RoutingError, error.isNoUsableTarget else { return false }
            return error.skipped.count == 2
        }
        // Another model on the same accounts is unaffected.
        #expect(try router.plan(RouteRequest(model: "p/n")).pending.count == 2)
    }
}
