import AsyncHTTPClient
import Foundation
import JunctionGateway
import JunctionMock
import JunctionStore
import JunctionWire
import NIOCore
import NIOHTTP1
import Testing

/// Clients of each API against an OpenAI-compatible provider: the answer, the stream and the errors
/// come back in the client's own format.
@Suite("Every client API through translation")
struct TranslationRouteTests {
    static let anthropicBody = #"{"model":"p1/gpt-4o","max_tokens":256,"system":"Be brief.","messages":[{"role":"user","content":"Say hello"}]}"#
    static let responsesBody = #"{"model":"p1/gpt-4o","instructions":"Be brief.","input":"Say hello"}"#
    static let geminiBody = #"{"systemInstruction":{"parts":[{"text":"Be brief."}]},"contents":[{"role":"user","parts":[{"text":"Say hello"}]}]}"#

    func events(_ harness: Harness, path: String, body: String, headers: [(String, String)] = []) async throws -> (Int, [ServerSentEvent]) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(harness.port)\(path)")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await harness.client.execute(request, timeout: .seconds(30))
        var decoder = ServerSentEventDecoder()
        var events: [ServerSentEvent] = []
        for try await chunk in response.body { events += try decoder.feed(chunk.readableBytesView) }
        return (Int(response.status.code), events)
    }

    @Test func anAnthropicClientGetsAnAnthropicMessage() async throws {
        let mock = MockProvider(name: "oai")
        let harness = try await Harness.start(mock)
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/messages", body: Self.anthropicBody, headers: [("anthropic-version", "2023-06-01")])
        #expect(reply.status == 200)
        let message = try #require(reply.json)
        #expect(message["type"]?.stringValue == "message")
        #expect(message["role"]?.stringValue == "assistant")
        #expect(message["content"]?[0]?["type"]?.stringValue == "text")
        #expect(message["content"]?[0]?["text"]?.stringValue?.hasPrefix("Hello from oai") == true)
        #expect(message["stop_reason"]?.stringValue == "end_turn")
        #expect(message["usage"]?["input_tokens"]?.intValue == 15)
        #expect(message["usage"]?["output_tokens"]?.intValue == 13)
        // The provider got OpenAI's shape, with the system prompt as a system message.
        let sent = try JSONValue(parsing: mock.receivedRequests[0].body)
        #expect(sent["messages"]?[0]?["role"]?.stringValue == "system")
        #expect(sent["model"]?.stringValue == "gpt-4o")
        let record = try #require(try await harness.usageRecords().first)
        #expect(record.endpoint == "anthropic")
        #expect(record.outputTokens == 13)
    }

    @Test func anAnthropicStreamHasAnthropicsEventGrammar() async throws {
        let harness = try await Harness.start(MockProvider(name: "oai"))
        defer { Task { await harness.stop() } }
        let body = Self.anthropicBody.replacingOccurrences(of: #""max_tokens":256"#, with: #""max_tokens":256,"stream":true"#)
        let (status, events) = try await self.events(harness, path: "/v1/messages", body: body)
        #expect(status == 200)
        let names = events.compactMap(\.event)
        #expect(names.first == "message_start")
        #expect(names.last == "message_stop")
        #expect(names.contains("content_block_start"))
        #expect(names.contains("message_delta"))
        let text = events.filter { $0.event == "content_block_delta" }
            .compactMap { try? JSONValue(parsing: $0.data)["delta"]?["text"]?.stringValue }.joined()
        #expect(text.hasPrefix("Hello from oai"))
        let delta = try #require(events.first { $0.event == "message_delta" })
        #expect(try JSONValue(parsing: delta.data)["delta"]?["stop_reason"]?.stringValue == "end_turn")
    }

    @Test func aResponsesClientGetsAResponseAndItsStreamEvents() async throws {
        let harness = try await Harness.start(MockProvider(name: "oai"))
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/responses", body: Self.responsesBody)
        #expect(reply.status == 200)
        #expect(reply.json?["object"]?.stringValue == "response")
        #expect(reply.json?["status"]?.stringValue == "completed")
        let output = try #require(reply.json?["output"]?.arrayValue)
        let text = output.compactMap { $0["content"]?[0]?["text"]?.stringValue }.joined()
        #expect(text.hasPrefix("Hello from oai"))
        let streamed = Self.responsesBody.replacingOccurrences(of: #""input""#, with: #""stream":true,"input""#)
        let (status, events) = try await self.events(harness, path: "/v1/responses", body: streamed)
        #expect(status == 200)
        let names = events.compactMap { $0.event ?? (try? JSONValue(parsing: $0.data))?["type"]?.stringValue }
        #expect(names.first == "response.created")
        #expect(names.last == "response.completed")
        #expect(names.contains("response.output_text.delta"))
    }

    @Test func aGeminiClientGetsGenerateContentResponsesAndMayUseQueryKeys() async throws {
        let harness = try await Harness.start(MockProvider(name: "oai"), clientKeys: [ClientKey(name: "g", key: "gk-1")])
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1beta/models/p1%2Fgpt-4o:generateContent?key=gk-1", body: Self.geminiBody)
        #expect(reply.status == 200)
        #expect(reply.json?["candidates"]?[0]?["content"]?["parts"]?[0]?["text"]?.stringValue?.hasPrefix("Hello from oai") == true)
        #expect(reply.json?["candidates"]?[0]?["finishReason"]?.stringValue == "STOP")
        #expect(reply.json?["usageMetadata"]?["candidatesTokenCount"]?.intValue == 13)
        let (status, events) = try await self.events(
            harness, path: "/v1beta/models/p1%2Fgpt-4o:streamGenerateContent?alt=sse", body: Self.geminiBody,
            headers: [("x-goog-api-key", "gk-1")])
        #expect(status == 200)
        let chunks = events.compactMap { try? JSONValue(parsing: $0.data) }
        let text = chunks.compactMap { $0["candidates"]?[0]?["content"]?["parts"]?[0]?["text"]?.stringValue }.joined()
        #expect(text.hasPrefix("Hello from oai"))
        #expect(chunks.last?["candidates"]?[0]?["finishReason"]?.stringValue == "STOP")
        let denied = try await harness.request("/v1beta/models/p1%2Fgpt-4o:generateContent?key=wrong", body: Self.geminiBody)
        #expect(denied.status == 401)
        #expect(denied.json?["error"]?["status"]?.stringValue == "UNAUTHENTICATED")
    }

    @Test func errorsComeInTheClientsOwnShape() async throws {
        let mock = MockProvider(name: "oai")
        mock.enqueue(MockFault(status: 400, message: "bad things"))
        let harness = try await Harness.start(mock, clientKeys: [ClientKey(name: "k", key: "key-1")])
        defer { Task { await harness.stop() } }
        let upstream = try await harness.request("/v1/messages", body: Self.anthropicBody, headers: [("x-api-key", "key-1")])
        #expect(upstream.status == 400)
        #expect(upstream.json?["type"]?.stringValue == "error")
        #expect(upstream.json?["error"]?["type"]?.stringValue == "invalid_request_error")
        #expect(upstream.json?["error"]?["message"]?.stringValue == "bad things")
        let unauthorized = try await harness.request("/v1/messages", body: Self.anthropicBody)
        #expect(unauthorized.status == 401)
        #expect(unauthorized.json?["error"]?["type"]?.stringValue == "authentication_error")
        let unknown = try await harness.request("/v1/messages", body: #"{"model":"nope","max_tokens":5,"messages":[]}"#, headers: [("x-api-key", "key-1")])
        #expect(unknown.status == 404)
        #expect(unknown.json?["error"]?["type"]?.stringValue == "not_found_error")
        let gemini = try await harness.request("/v1beta/models/nope:generateContent", body: Self.geminiBody, headers: [("x-goog-api-key", "key-1")])
        #expect(gemini.status == 404)
        #expect(gemini.json?["error"]?["status"]?.stringValue == "NOT_FOUND")
    }

    @Test func countTokensEstimatesWhenTheTargetIsNotAnthropic() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/messages/count_tokens", body: Self.anthropicBody)
        #expect(reply.status == 200)
        #expect(reply.headers.first(name: "x-junction-token-count") == "estimate")
        let count = try #require(reply.json?["input_tokens"]?.intValue)
        #expect(count > 5 && count < 40)
    }

    @Test func previousResponseIDToAStatelessTargetIsAClear400() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let body = #"{"model":"p1/gpt-4o","previous_response_id":"resp_123","input":"and then?"}"#
        let reply = try await harness.request("/v1/responses", body: body)
        #expect(reply.status == 400)
        #expect(reply.json?["error"]?["message"]?.stringValue?.contains("previous_response_id") == true)
        #expect(harness.mocks[0].provider.receivedRequests.isEmpty)
    }

    @Test func countTokensAsksAnAnthropicProviderForItsOwnCount() async throws {
        let mock = MockProvider(name: "ant")
        let harness = try await Harness.start([mock]) { mocks in
            JunctionConfig(providers: [ProviderConfig(id: "ant", format: .anthropic, baseURL: mocks[0].baseURL, apiKeys: ["k"], models: ["claude-x"])])
        }
        defer { Task { await harness.stop() } }
        let body = #"{"model":"ant/claude-x","messages":[{"role":"user","content":"Say hello"}]}"#
        let reply = try await harness.request("/v1/messages/count_tokens", body: body, headers: [("anthropic-version", "2023-06-01")])
        #expect(reply.status == 200)
        #expect(reply.headers.first(name: "x-junction-token-count") == "upstream")
        #expect(reply.json?["input_tokens"]?.intValue != nil)
        let received = try #require(mock.receivedRequests.last)
        #expect(received.path == "/v1/messages/count_tokens")
        #expect(received.model == "claude-x")
        #expect(received.header("x-api-key") == "k")
    }

    @Test func aStreamThatBreaksAfterContentEndsWithAnAnthropicErrorEvent() async throws {
        let mock = MockProvider(name: "oai")
        mock.enqueue(MockFault(disconnectAfterChunks: 4))
        let harness = try await Harness.start(mock)
        defer { Task { await harness.stop() } }
        let body = Self.anthropicBody.replacingOccurrences(of: #""max_tokens":256"#, with: #""max_tokens":256,"stream":true"#)
        let (status, events) = try await self.events(harness, path: "/v1/messages", body: body)
        #expect(status == 200)
        let text = events.filter { $0.event == "content_block_delta" }
            .compactMap { try? JSONValue(parsing: $0.data)["delta"]?["text"]?.stringValue }.joined()
        #expect(text == "Hello from oai")
        let last = try #require(events.last)
        #expect(last.event == "error")
        #expect(try JSONValue(parsing: last.data)["type"]?.stringValue == "error")
        #expect(!events.contains { $0.event == "message_stop" }, "never a silently truncated stream that claims to be complete")
    }
}
