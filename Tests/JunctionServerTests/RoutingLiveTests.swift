import Foundation
import JunctionGateway
import JunctionMock
import JunctionProviders
import JunctionRouting
import JunctionServer
import JunctionStore
import JunctionWire
import NIOHTTP1
import Testing

/// The routing engine through the live server, on a manual clock: cooldowns, breakers, stickiness
/// and context windows as a client sees them.
@Suite("Routing through the live server")
struct RoutingLiveTests {
    func route(_ reply: Harness.Reply) -> String { reply.headers.first(name: "x-junction-route") ?? "-" }

    @Test func a429WithRetryAfterRestsThatAccountUntilTheResetThenUsesItAgain() async throws {
        let clock = ManualRoutingClock()
        let primary = MockProvider(name: "primary")
        primary.enqueue(MockFault(status: 429, retryAfter: 30))
        let harness = try await Harness.start(primary, MockProvider(name: "backup"), combo: ["p1/gpt-4o", "p2/gpt-4o-mini"], clock: clock)
        defer { Task { await harness.stop() } }
        let first = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(route(first) == "p1/gpt-4o:429,p2/gpt-4o-mini:200")
        clock.advance(by: 29)
        let resting = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(route(resting) == "p2/gpt-4o-mini:200", "p1 is not even tried while it rests")
        #expect(primary.receivedRequests.count == 1)
        clock.advance(by: 2)
        let back = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(route(back) == "p1/gpt-4o:200")
    }

    @Test func aFiveHourResetIsHonouredNotCappedAtThirtyMinutes() async throws {
        let clock = ManualRoutingClock()
        let primary = MockProvider(name: "primary")
        primary.enqueue(MockFault(status: 429, retryAfter: 5 * 3600))
        let harness = try await Harness.start(primary, MockProvider(name: "backup"), combo: ["p1/gpt-4o", "p2/gpt-4o-mini"], clock: clock)
        defer { Task { await harness.stop() } }
        _ = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        clock.advance(by: 31 * 60)
        let later = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(route(later) == "p2/gpt-4o-mini:200")
        clock.advance(by: 5 * 3600)
        let reset = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(route(reset) == "p1/gpt-4o:200")
    }

    @Test func a401DisablesTheAccountAndTheOthersServe() async throws {
        let mock = MockProvider(name: "keys", apiKeys: ["key-b"])
        let harness = try await Harness.start([mock]) { mocks in
            JunctionConfig(providers: [ProviderConfig(id: "p1", baseURL: mocks[0].baseURL, apiKeys: ["key-a", "key-b"], models: ["gpt-4o"])])
        }
        defer { Task { await harness.stop() } }
        _ = try await harness.request("/v1/chat/completions", body: Harness.chat())
        for _ in 0..<3 {
            let reply = try await harness.request("/v1/chat/completions", body: Harness.chat())
            #expect(route(reply) == "p1/gpt-4o#1:200")
        }
        let row = harness.runtime.gateway.router.healthRows().first { $0.account == 0 }
        #expect(row?.status == .disabled)
        #expect(row?.lastError?.isEmpty == false)
    }

    @Test func threeServerErrorsOpenTheBreakerAndAProbeAfterThirtySecondsClosesIt() async throws {
        let clock = ManualRoutingClock()
        let primary = MockProvider(name: "primary")
        primary.enqueue(MockFault(status: 500), MockFault(status: 500), MockFault(status: 500))
        let harness = try await Harness.start(primary, MockProvider(name: "backup"), combo: ["p1/gpt-4o", "p2/gpt-4o-mini"], clock: clock)
        defer { Task { await harness.stop() } }
        for _ in 0..<3 {
            let reply = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
            #expect(route(reply) == "p1/gpt-4o:500,p2/gpt-4o-mini:200")
        }
        let open = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(route(open) == "p2/gpt-4o-mini:200", "the breaker is open")
        clock.advance(by: 31)
        let probe = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(route(probe) == "p1/gpt-4o:200", "one half-open probe, which succeeds")
        let closed = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(route(closed) == "p1/gpt-4o:200")
    }

    @Test func aStickyConversationStaysWhileHealthyAndMovesWhenNot() async throws {
        let clock = ManualRoutingClock()
        let one = MockProvider(name: "one")
        let two = MockProvider(name: "two")
        let harness = try await Harness.start([one, two], clock: clock) { mocks in
            JunctionConfig(
                providers: mocks.enumerated().map { index, mock in
                    ProviderConfig(id: "p\(index + 1)", baseURL: mock.baseURL, models: ["gpt-4o"])
                },
                combos: [ComboConfig(name: "rr", strategy: .roundRobin, targets: ["p1/gpt-4o", "p2/gpt-4o"], sticky: true)])
        }
        defer { Task { await harness.stop() } }
        let conversation = [("x-junction-conversation", "session-42")]
        let first = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "rr"), headers: conversation)
        let home = try #require(first.headers.first(name: "x-junction-provider"))
        for _ in 0..<4 {
            let again = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "rr"), headers: conversation)
            #expect(again.headers.first(name: "x-junction-provider") == home, "round-robin would alternate; sticky holds")
        }
        (home == "p1" ? one : two).enqueue(MockFault(status: 429, retryAfter: 600))
        let moved = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "rr"), headers: conversation)
        #expect(moved.status == 200)
        #expect(moved.headers.first(name: "x-junction-provider") != home)
        let stays = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "rr"), headers: conversation)
        #expect(stays.headers.first(name: "x-junction-provider") == moved.headers.first(name: "x-junction-provider"))
    }

    @Test func aRequestTooLongForASmallContextSkipsThatTarget() async throws {
        // The catalog gives gpt-4o a 128K window and gpt-4.1 about a million.
        let small = MockProvider(name: "small", models: ["gpt-4o"])
        let large = MockProvider(name: "large", models: ["gpt-4.1"])
        let harness = try await Harness.start([small, large]) { mocks in
            JunctionConfig(
                providers: [
                    ProviderConfig(id: "small", baseURL: mocks[0].baseURL, models: ["gpt-4o"], kind: "openai"),
                    ProviderConfig(id: "large", baseURL: mocks[1].baseURL, models: ["gpt-4.1"], kind: "openai"),
                ],
                combos: [ComboConfig(name: "c", targets: ["small/gpt-4o", "large/gpt-4.1"])])
        }
        defer { Task { await harness.stop() } }
        let short = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "c"))
        #expect(short.headers.first(name: "x-junction-provider") == "small")
        let long = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "c", text: String(repeating: "word ", count: 120_000)))
        #expect(long.status == 200)
        #expect(route(long) == "large/gpt-4.1:200", "the small window is skipped before any attempt")
        #expect(small.receivedRequests.count == 1)
    }

    @Test func anUnknownModelNamesTheClosestKnownOnes() async throws {
        let harness = try await Harness.start(MockProvider(), combo: ["p1/gpt-4o"])
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "p1/gpt-4"))
        #expect(reply.status == 404)
        #expect(reply.json?["error"]?["message"]?.stringValue?.contains("p1/gpt-4o") == true)
    }
}

@Suite("Routing health across a restart")
struct RoutingPersistenceTests {
    @Test func aCooldownLearnedBeforeARestartIsStillHonouredAfterIt() async throws {
        let clock = ManualRoutingClock()
        let dataDir = NSTemporaryDirectory() + "junction-health-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dataDir) }
        let primary = MockProvider(name: "primary")
        primary.enqueue(MockFault(status: 429, retryAfter: 3600))
        let before = try await Harness.start([primary, MockProvider(name: "backup")], clock: clock, dataDir: dataDir) { mocks in
            JunctionConfig(
                providers: mocks.enumerated().map { ProviderConfig(id: "p\($0 + 1)", baseURL: $1.baseURL, models: ["gpt-4o"]) },
                combos: [ComboConfig(name: "c", targets: ["p1/gpt-4o", "p2/gpt-4o"])])
        }
        let first = try await before.request("/v1/chat/completions", body: Harness.chat(model: "c"))
        #expect(first.headers.first(name: "x-junction-route") == "p1/gpt-4o:429,p2/gpt-4o:200")
        await before.stop()

        let after = try await Harness.start([MockProvider(name: "primary"), MockProvider(name: "backup")], clock: clock, dataDir: dataDir) { mocks in
            JunctionConfig(
                providers: mocks.enumerated().map { ProviderConfig(id: "p\($0 + 1)", baseURL: $1.baseURL, models: ["gpt-4o"]) },
                combos: [ComboConfig(name: "c", targets: ["p1/gpt-4o", "p2/gpt-4o"])])
        }
        defer { Task { await after.stop() } }
        let again = try await after.request("/v1/chat/completions", body: Harness.chat(model: "c"))
        #expect(again.headers.first(name: "x-junction-route") == "p2/gpt-4o:200", "the restarted router remembers the reset")
        #expect(after.mocks[0].provider.receivedRequests.isEmpty)
    }
}

@Suite("The health view")
struct HealthViewTests {
    @Test func apiHealthListsEachAccountAndModelWithItsStateAndReset() async throws {
        let primary = MockProvider(name: "primary")
        primary.enqueue(MockFault(status: 429, retryAfter: 600))
        let harness = try await Harness.start(primary, MockProvider(name: "backup"), combo: ["p1/gpt-4o", "p2/gpt-4o-mini"])
        defer { Task { await harness.stop() } }
        _ = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        let view = try await harness.admin("/api/health")
        #expect(view.status == 200)
        let rows = try #require(view.json?["accounts"]?.arrayValue)
        let resting = try #require(rows.first { $0["provider"]?.stringValue == "p1" })
        #expect(resting["state"]?.stringValue == "resting")
        #expect(resting["until"]?.stringValue != nil)
        #expect(resting["last_error"]?.stringValue?.isEmpty == false)
        #expect(resting["remaining_requests"]?.intValue == 0)
        #expect(resting["limit_requests"]?.intValue == 500, "the quota bar's total, from x-ratelimit-limit-requests")
    }
}

@Suite("Per-account budgets")
struct BudgetTests {
    @Test func anAccountThatSpentItsBudgetIsPassedOverUntilItHasRoomAgain() async throws {
        let harness = try await Harness.start([MockProvider(name: "sub"), MockProvider(name: "paid")]) { mocks in
            JunctionConfig(
                providers: [
                    ProviderConfig(id: "sub", baseURL: mocks[0].baseURL, models: ["gpt-4o"], budgets: [AccountBudget(window: 5 * 3600, maxRequests: 2)]),
                    ProviderConfig(id: "paid", baseURL: mocks[1].baseURL, models: ["gpt-4o"]),
                ],
                combos: [ComboConfig(name: "c", targets: ["sub/gpt-4o", "paid/gpt-4o"])])
        }
        defer { Task { await harness.stop() } }
        var providers: [String] = []
        for _ in 0..<4 {
            let reply = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "c"))
            providers.append(reply.headers.first(name: "x-junction-provider") ?? "-")
            await harness.runtime.ledger.flush()
        }
        #expect(providers == ["sub", "sub", "paid", "paid"], "two requests per 5 h on the subscription, then the paid lane")
    }
}

@Suite("When nothing can serve")
struct NothingUsableTests {
    @Test func everyTargetRestingIsA503WithRetryAfterUntilTheEarliestReset() async throws {
        let clock = ManualRoutingClock()
        let only = MockProvider(name: "only")
        only.enqueue(MockFault(status: 429, retryAfter: 120))
        let harness = try await Harness.start(only, combo: ["p1/gpt-4o"], clock: clock)
        defer { Task { await harness.stop() } }
        let first = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(first.status == 429)
        clock.advance(by: 20)
        let resting = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(resting.status == 503)
        #expect(resting.headers.first(name: "retry-after") == "100")
        #expect(resting.json?["error"]?["code"]?.stringValue == "no_usable_target")
        #expect(only.receivedRequests.count == 1)
    }
}
