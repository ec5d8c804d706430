import Foundation
import JunctionStore
import JunctionGateway
import NIOHTTP1
import JunctionServer
import AsyncHTTPClient
import JunctionMock
import JunctionWire
import NIOCore
import Testing

@Suite("OpenAI chat passthrough")
struct ChatPassthroughTests {
    @Test func aNonStreamedAnswerComesBackAsTheProviderSentItWithRouteHeaders() async throws {
        let harness = try await Harness.start(MockProvider(name: "alpha"))
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "p1/gpt-4o"))
        #expect(reply.status == 200)
        let json = try #require(reply.json)
        #expect(json["object"]?.stringValue == "chat.completion")
        #expect(json["choices"]?[0]?["message"]?["content"]?.stringValue?.hasPrefix("Hello from alpha serving gpt-4o.") == true)
        #expect(reply.headers.first(name: "x-junction-provider") == "p1")
        #expect(reply.headers.first(name: "x-junction-model") == "gpt-4o")
        #expect(reply.headers.first(name: "x-junction-attempts") == "1")
        let received = try #require(harness.mocks[0].provider.receivedRequests.first)
        #expect(received.model == "gpt-4o", "the upstream gets its own model name, without the prefix")
        #expect(!received.stream)
    }

    @Test func unknownFieldsAndKeyOrderReachTheProviderUntouched() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let body = #"{"temperature":0.70,"model":"p1/gpt-4o","messages":[{"role":"user","content":"hi"}],"x_vendor":{"a":[1,2.50]},"seed":12345678901234567}"#
        _ = try await harness.request("/v1/chat/completions", body: body)
        let received = try #require(harness.mocks[0].provider.receivedRequests.first)
        #expect(received.body == #"{"temperature":0.70,"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"x_vendor":{"a":[1,2.50]},"seed":12345678901234567}"#)
    }

    @Test func aStreamIsRelayedChunkForChunk() async throws {
        let harness = try await Harness.start(MockProvider(name: "alpha", replyWords: 20))
        defer { Task { await harness.stop() } }
        // The same request straight at the mock, with usage, is the reference.
        var direct = HTTPClientRequest(url: harness.mocks[0].baseURL + "/chat/completions")
        direct.method = .POST
        direct.body = .bytes(ByteBuffer(string: Harness.chat(model: "gpt-4o", stream: true, includeUsage: true)))
        let directResponse = try await harness.client.execute(direct, timeout: .seconds(10))
        var decoder = ServerSentEventDecoder()
        var reference: [ServerSentEvent] = []
        for try await chunk in directResponse.body { reference += try decoder.feed(chunk.readableBytesView) }

        let routed = try await harness.stream(Harness.chat(model: "p1/gpt-4o", stream: true, includeUsage: true))
        #expect(routed.status == 200)
        #expect(routed.headers.first(name: "content-type") == "text/event-stream")
        #expect(routed.events.count == reference.count)
        #expect(routed.events.map(\.normalizedData) == reference.map(\.normalizedData))
        #expect(routed.events.last?.data == "[DONE]")
    }

    @Test func theUsageChunkIsAskedForButOnlyPassedOnWhenTheClientWantsIt() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let withoutUsage = try await harness.stream(Harness.chat(stream: true, includeUsage: false))
        #expect(!withoutUsage.events.contains { $0.data.contains(#""usage":{"#) })
        #expect(harness.mocks[0].provider.receivedRequests[0].includeUsage, "Junction asks the upstream for usage anyway")
        let withUsage = try await harness.stream(Harness.chat(stream: true, includeUsage: true))
        #expect(withUsage.events.contains { $0.data.contains(#""usage":{"#) })
        let records = try await harness.usageRecords()
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.inputTokens != nil && $0.outputTokens == 13 })
    }

    @Test func modelsListsEveryProviderModelAndEveryCombo() async throws {
        let harness = try await Harness.start(MockProvider(), MockProvider(), combo: ["p1/gpt-4o", "p2/gpt-4o-mini"])
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/models", method: .GET)
        #expect(reply.status == 200)
        let ids = try #require(reply.json?["data"]?.arrayValue).compactMap { $0["id"]?.stringValue }
        #expect(ids == ["p1/gpt-4o", "p1/gpt-4o-mini", "p2/gpt-4o", "p2/gpt-4o-mini", "combo"])
        #expect(reply.json?["object"]?.stringValue == "list")
        let health = try await harness.request("/health", method: .GET)
        #expect(health.status == 200)
        #expect(health.json?["status"]?.stringValue == "ok")
    }
}
