import Foundation
import JunctionStore
import JunctionGateway
import NIOCore
import NIOHTTP1
import JunctionServer
import JunctionMock
import JunctionProviders
import JunctionWire
import Testing

@Suite("Fallback over targets and accounts")
struct FallbackTests {
    // Short enough to keep the suite quick, long enough that a busy CI machine does not trip them by accident.
    static let fastTimeouts = UpstreamTimeouts(connect: .seconds(2), firstByte: .milliseconds(1500), idle: .milliseconds(1500))

    /// Starts two mocks behind the combo `p1/gpt-4o → p2/gpt-4o-mini`, scripting the first one's next request.
    func fallback(after fault: MockFault, stream: Bool) async throws -> (Harness, Harness.Reply?, [ServerSentEvent]) {
        let primary = MockProvider(name: "primary")
        primary.enqueue(fault)
        let harness = try await Harness.start(
            primary, MockProvider(name: "backup"), combo: ["p1/gpt-4o", "p2/gpt-4o-mini"], timeouts: Self.fastTimeouts)
        if stream {
            let result = try await harness.stream(Harness.chat(model: "combo", stream: true))
            #expect(result.status == 200)
            #expect(result.headers.first(name: "x-junction-provider") == "p2")
            #expect(result.headers.first(name: "x-junction-attempts") == "2")
            return (harness, nil, result.events)
        }
        let reply = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        return (harness, reply, [])
    }

    @Test(arguments: [
        ("status=429; retry-after=30", "429"),
        ("status=500", "500"),
        ("status=503", "503"),
        ("latency=6000", "timeout"),
    ])
    func aFailureBeforeContentMovesToTheNextTarget(fault: String, outcome: String) async throws {
        let (harness, reply, _) = try await fallback(after: try MockFault(parsing: fault), stream: false)
        defer { Task { await harness.stop() } }
        let answer = try #require(reply)
        #expect(answer.status == 200)
        #expect(answer.json?["choices"]?[0]?["message"]?["content"]?.stringValue?.contains("backup") == true)
        #expect(answer.headers.first(name: "x-junction-route") == "p1/gpt-4o:\(outcome),p2/gpt-4o-mini:200")
        #expect(harness.mocks[1].provider.receivedRequests.first?.model == "gpt-4o-mini")
    }

    @Test(arguments: [
        "status=429; retry-after=1",
        "stream-error-after=1",
        "disconnect-after=1",
        "stall=6000; stall-after=1",
        "stall=6000",
    ])
    func aStreamThatFailsBeforeItsFirstContentFallsBackUnseen(fault: String) async throws {
        let (harness, _, events) = try await fallback(after: try MockFault(parsing: fault), stream: true)
        defer { Task { await harness.stop() } }
        let text = events.map(\.deltaText).joined()
        #expect(text.hasPrefix("Hello from backup"), "the client sees only the backup's answer")
        #expect(!text.contains("primary"))
        #expect(!events.contains { $0.data.contains(#""error""#) })
        #expect(events.last?.data == "[DONE]")
    }

    @Test func aStreamThatFailsAfterContentEndsWithAnErrorEventAndNoDuplicate() async throws {
        let primary = MockProvider(name: "primary")
        primary.enqueue(MockFault(disconnectAfterChunks: 4))
        let harness = try await Harness.start(primary, MockProvider(name: "backup"), combo: ["p1/gpt-4o", "p2/gpt-4o-mini"])
        defer { Task { await harness.stop() } }
        let result = try await harness.stream(Harness.chat(model: "combo", stream: true))
        #expect(result.status == 200)
        #expect(result.events.map(\.deltaText).joined() == "Hello from primary")
        let last = try #require(result.events.last)
        #expect(try JSONValue(parsing: last.data)["error"]?["code"]?.stringValue == "upstream_stream_error")
        #expect(harness.mocks[1].provider.receivedRequests.isEmpty, "no second answer once content was sent")
        let record = try #require(try await harness.usageRecords().first)
        #expect(record.status == 502)
    }

    @Test func aClientErrorGoesBackAsItIsWithoutFallback() async throws {
        let primary = MockProvider(name: "primary")
        primary.enqueue(MockFault(status: 400, message: "messages[0].content is invalid"))
        let harness = try await Harness.start(primary, MockProvider(name: "backup"), combo: ["p1/gpt-4o", "p2/gpt-4o-mini"])
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(reply.status == 400)
        #expect(reply.json?["error"]?["message"]?.stringValue == "messages[0].content is invalid")
        #expect(reply.json?["error"]?["type"]?.stringValue == "invalid_request_error")
        #expect(harness.mocks[1].provider.receivedRequests.isEmpty)
    }

    @Test func whenEveryAttemptFailsTheClientGetsTheLastUpstreamError() async throws {
        let primary = MockProvider(name: "primary")
        let backup = MockProvider(name: "backup")
        primary.enqueue(MockFault(status: 500))
        backup.enqueue(MockFault(status: 429, retryAfter: 20))
        let harness = try await Harness.start(primary, backup, combo: ["p1/gpt-4o", "p2/gpt-4o-mini"])
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo", stream: true))
        #expect(reply.status == 429)
        #expect(reply.json?["error"]?["code"]?.stringValue == "rate_limit_exceeded")
        #expect(reply.headers.first(name: "x-junction-attempts") == "2")
    }

    @Test func anUnreachableProviderFallsBackAndAllUnreachableIs502() async throws {
        let harness = try await Harness.start([MockProvider(name: "backup")]) { mocks in
            JunctionConfig(
                providers: [
                    ProviderConfig(id: "dead", baseURL: "http://127.0.0.1:9/v1", models: ["m"]),
                    ProviderConfig(id: "p2", baseURL: mocks[0].baseURL, models: ["gpt-4o"]),
                ],
                combos: [ComboConfig(name: "combo", targets: ["dead/m", "p2/gpt-4o"]), ComboConfig(name: "deadonly", targets: ["dead/m"])])
        }
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(reply.status == 200)
        #expect(reply.headers.first(name: "x-junction-route") == "dead/m:connect-error,p2/gpt-4o:200")
        let dead = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "deadonly"))
        #expect(dead.status == 502)
        #expect(dead.json?["error"]?["code"]?.stringValue == "upstream_unreachable")
    }

    @Test func aProvidersAccountsAreTriedInTurnAndRotated() async throws {
        // The mock accepts only the second key: the first account gets OpenAI's 401.
        let mock = MockProvider(name: "keys", apiKeys: ["key-b"])
        let harness = try await Harness.start([mock]) { mocks in
            JunctionConfig(providers: [ProviderConfig(id: "p1", baseURL: mocks[0].baseURL, apiKeys: ["key-a", "key-b"], models: ["gpt-4o"])])
        }
        defer { Task { await harness.stop() } }
        let first = try await harness.request("/v1/chat/completions", body: Harness.chat())
        #expect(first.status == 200)
        #expect(first.headers.first(name: "x-junction-route") == "p1/gpt-4o#0:401,p1/gpt-4o#1:200")
        let second = try await harness.request("/v1/chat/completions", body: Harness.chat())
        #expect(second.headers.first(name: "x-junction-route") == "p1/gpt-4o#1:200", "the next request starts at the next account")
        #expect(mock.receivedRequests.map(\.apiKey) == ["key-a", "key-b", "key-b"])
    }
}
