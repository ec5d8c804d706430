import Foundation
import JunctionRouting
import JunctionWire
import Testing

@Suite("Combo strategies, tiers, nesting, stickiness")
struct StrategyTests {
    let clock = ManualRoutingClock()

    static let providers = [
        Fixture.provider("a", models: [Fixture.model("m", input: 3, output: 15)]),
        Fixture.provider("b", models: [Fixture.model("m", input: 0.5, output: 1.5)]),
        Fixture.provider("c", models: [Fixture.model("m", input: 1, output: 2)]),
    ]

    func router(_ combos: [ComboConfig], policy: RoutingPolicy = RoutingPolicy(), seed: UInt64 = 7) -> SharedRouter {
        SharedRouter(config: RoutingConfig(providers: Self.providers, combos: combos, policy: policy), clock: clock, seed: seed)
    }

    func firstProvider(_ router: SharedRouter, _ request: RouteRequest) throws -> String {
        try router.run(request) { _ in ok }.attempts[0].provider
    }

    @Test func fallbackKeepsConfigurationOrder() throws {
        let router = router([ComboConfig(name: "combo", strategy: .fallback, targets: ["c/m", "a/m", "b/m"])])
        let session = try router.plan(RouteRequest(model: "combo"))
        #expect(session.pending.map(\.provider) == ["c", "a", "b"])
        #expect(session.pending.allSatisfy { $0.combo == "combo" })
    }

    @Test func roundRobinRotatesTheStart() throws {
        let router = router([ComboConfig(name: "rr", strategy: .roundRobin, targets: ["a/m", "b/m", "c/m"])])
        let starts = try (0..<6).map { _ in try router.plan(RouteRequest(model: "rr")).pending.map(\.provider) }
        #expect(starts == [["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"], ["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"]])
    }

    @Test func weightedFollowsTheWeights() throws {
        let router = router([ComboConfig(name: "w", strategy: .weighted, targets: [ComboTarget("a/m", weight: 6), ComboTarget("b/m", weight: 3), ComboTarget("c/m", weight: 1)])])
        var counts: [String: Int] = [:]
        for _ in 0..<10_000 {
            let session = try router.plan(RouteRequest(model: "w"))
            counts[session.pending[0].provider, default: 0] += 1
            #expect(session.pending.count == 3, "the others follow as fallbacks")
        }
        #expect((5_700...6_300).contains(counts["a"] ?? 0))
        #expect((2_700...3_300).contains(counts["b"] ?? 0))
        #expect((800...1_200).contains(counts["c"] ?? 0))
    }

    @Test func lowestLatencyPrefersTheFastOneButExplores() throws {
        let router = router([ComboConfig(name: "fast", strategy: .lowestLatency, targets: ["a/m", "b/m", "c/m"])])
        let ttft = ["a": 2.0, "b": 0.3, "c": 1.0]
        // Measure each once (unmeasured targets go first so they get measured).
        for _ in 0..<3 {
            _ = try router.run(RouteRequest(model: "fast")) { .success(AttemptSuccess(timeToFirstToken: ttft[$0.provider])) }
        }
        var counts: [String: Int] = [:]
        for _ in 0..<1_000 {
            counts[try router.plan(RouteRequest(model: "fast")).pending[0].provider, default: 0] += 1
        }
        #expect((850...950).contains(counts["b"] ?? 0), "\(counts)")
        #expect((counts["a"] ?? 0) > 10 && (counts["c"] ?? 0) > 10, "exploration reaches the others: \(counts)")

        // a recovers: exploration notices, its average falls, and it takes over.
        for _ in 0..<200 {
            _ = try router.run(RouteRequest(model: "fast")) { .success(AttemptSuccess(timeToFirstToken: $0.provider == "a" ? 0.05 : ttft[$0.provider])) }
        }
        var after: [String: Int] = [:]
        for _ in 0..<200 { after[try router.plan(RouteRequest(model: "fast")).pending[0].provider, default: 0] += 1 }
        #expect((after["a"] ?? 0) > 150, "\(after)")
    }

    @Test func lowestLatencyIsDeterministicForASeed() throws {
        let combos = [ComboConfig(name: "fast", strategy: .lowestLatency, targets: ["a/m", "b/m", "c/m"])]
        let one = router(combos, seed: 42), two = router(combos, seed: 42)
        let first = try (0..<50).map { _ in try one.plan(RouteRequest(model: "fast")).pending.map(\.provider) }
        let second = try (0..<50).map { _ in try two.plan(RouteRequest(model: "fast")).pending.map(\.provider) }
        #expect(first == second)
    }

    @Test func lowestCostPicksTheCheapestForTheEstimatedTokens() throws {
        let router = router([ComboConfig(name: "cheap", strategy: .lowestCost, targets: ["a/m", "b/m", "c/m"])])
        // Input-heavy: b (0.5 in) beats c (1 in). Output-heavy: c (2 out) vs b (1.5 out): b still cheaper.
        #expect(try router.plan(RouteRequest(model: "cheap", estimatedInputTokens: 100_000, maxOutputTokens: 10)).pending.map(\.provider) == ["b", "c", "a"])
        let mixed = [
            Fixture.provider("in-cheap", models: [Fixture.model("m", input: 0.1, output: 10)]),
            Fixture.provider("out-cheap", models: [Fixture.model("m", input: 2, output: 0.5)]),
            Fixture.provider("unpriced", models: [Fixture.model("m")]),
        ]
        let router2 = SharedRouter(config: RoutingConfig(providers: mixed, combos: [ComboConfig(name: "cheap", strategy: .lowestCost, targets: ["unpriced/m", "in-cheap/m", "out-cheap/m"])]), clock: clock)
        #expect(try router2.plan(RouteRequest(model: "cheap", estimatedInputTokens: 50_000, maxOutputTokens: 100)).pending.map(\.provider) == ["in-cheap", "out-cheap", "unpriced"])
        #expect(try router2.plan(RouteRequest(model: "cheap", estimatedInputTokens: 100, maxOutputTokens: 8_000)).pending.map(\.provider) == ["out-cheap", "in-cheap", "unpriced"])
    }

    @Test func tiersAreUsedUpInOrder() throws {
        let combo = ComboConfig(name: "tiered", strategy: .roundRobin, tiers: [
            ComboTier(name: "subscription", targets: ["a/m"]),
            ComboTier(name: "cheap", targets: ["b/m", "c/m"]),
        ])
        let router = router([combo])
        for _ in 0..<4 {
            let session = try router.plan(RouteRequest(model: "tiered"))
            #expect(session.pending.first?.tier == "subscription")
            #expect(session.pending.map(\.tier) == ["subscription", "cheap", "cheap"])
        }
        let run = try router.run(RouteRequest(model: "tiered")) { $0.tier == "subscription" ? fail(429, headers: ["retry-after": "3600"]) : ok }
        #expect(run.attempts.map(\.tier) == ["subscription", "cheap"])
        // The subscription tier is resting: every request is served from the cheap tier until its reset.
        #expect(try router.run(RouteRequest(model: "tiered")) { _ in ok }.attempts[0].tier == "cheap")
        clock.advance(by: 3600)
        #expect(try router.run(RouteRequest(model: "tiered")) { _ in ok }.attempts[0].tier == "subscription")
    }

    @Test func combosNest() throws {
        let router = router([
            ComboConfig(name: "inner", strategy: .fallback, targets: ["c/m", "b/m"]),
            ComboConfig(name: "outer", strategy: .fallback, tiers: [ComboTier(name: "main", targets: ["a/m", "inner"])]),
        ])
        let session = try router.plan(RouteRequest(model: "outer"))
        #expect(session.pending.map(\.provider) == ["a", "c", "b"])
        #expect(session.pending.map(\.tier) == ["main", "main", "main"])
        #expect(session.pending.map(\.combo) == ["outer", "inner", "inner"])
    }

    @Test func cyclesAreDetectedAndNamed() throws {
        let combos = [
            ComboConfig(name: "x", targets: ["a/m", "y"]),
            ComboConfig(name: "y", targets: ["z"]),
            ComboConfig(name: "z", targets: ["x"]),
        ]
        let router = router(combos)
        #expect { try router.plan(RouteRequest(model: "x")) } throws: { error in
            guard let error = error as? RoutingError else { return false }
            return error.isComboCycle && error.cycle == ["x", "y", "z", "x"] && error.message == "combo cycle: x → y → z → x"
        }
        let problems = RoutingConfig(providers: Self.providers, combos: combos).validate()
        #expect(problems.count == 3 && problems.allSatisfy(\.isComboCycle))
        #expect(RoutingConfig(providers: Self.providers, combos: [ComboConfig(name: "ok", targets: ["a/m"])]).validate().isEmpty)
    }

    @Test func stickyHoldsWhileHealthyAndMovesWhenNot() throws {
        let router = router([ComboConfig(name: "rr", strategy: .roundRobin, targets: ["a/m", "b/m", "c/m"], sticky: true)])
        let key = ConversationKey.derive(system: "You are helpful.", firstUserMessage: "Hello")
        let first = try router.run(RouteRequest(model: "rr", conversationKey: key)) { _ in ok }
        let home = first.attempts[0].provider
        for _ in 0..<5 {
            #expect(try firstProvider(router, RouteRequest(model: "rr", conversationKey: key)) == home)
            _ = try firstProvider(router, RouteRequest(model: "rr"))  // other traffic keeps rotating
        }
        // The home target fails: the conversation moves, and stays on the new target.
        let moved = try router.run(RouteRequest(model: "rr", conversationKey: key)) { $0.provider == home ? fail(429, headers: ["retry-after": "600"]) : ok }
        let newHome = moved.attempts[1].provider
        #expect(newHome != home)
        clock.advance(by: 700)
        #expect(try firstProvider(router, RouteRequest(model: "rr", conversationKey: key)) == newHome)
    }

    @Test func stickinessIsPerComboOrPolicy() throws {
        let router = router([ComboConfig(name: "rr", strategy: .roundRobin, targets: ["a/m", "b/m", "c/m"], sticky: false)])
        let key = "conversation-1"
        let firsts = try (0..<3).map { _ in try firstProvider(router, RouteRequest(model: "rr", conversationKey: key)) }
        #expect(firsts == ["a", "b", "c"], "a non-sticky combo keeps rotating")

        var policy = RoutingPolicy()
        policy.stickyByDefault = true
        let logical = SharedRouter(config: RoutingConfig(providers: Self.providers, policy: policy), clock: clock)
        _ = try logical.run(RouteRequest(model: "m", conversationKey: key)) { $0.provider == "a" ? fail(500) : ok }
        #expect(try logical.plan(RouteRequest(model: "m", conversationKey: key)).pending.first?.provider == "b")
        #expect(try logical.plan(RouteRequest(model: "m")).pending.first?.provider == "a")
    }

    @Test func conversationKeysAreStable() {
        let one = ConversationKey.derive(system: "sys", firstUserMessage: "hi")
        #expect(one == ConversationKey.derive(system: "sys", firstUserMessage: "hi"))
        #expect(one.count == 16)
        #expect(one != ConversationKey.derive(system: "sy", firstUserMessage: "shi"))
        #expect(one != ConversationKey.derive(system: nil, firstUserMessage: "hi"))
    }
}
