import Foundation
import JunctionMock
import JunctionWire
import NIOHTTP1
import Testing

@Suite("JunctionMock speaks Anthropic Messages")
struct AnthropicMockTests {
    static let version = ("anthropic-version", "2023-06-01")
    let hello = #"{"model":"claude-sonnet-4-5","max_tokens":1024,"messages":[{"role":"user","content":"hi there"}]}"#

    func post(_ server: MockServer, _ body: String, path: String = "/v1/messages", headers: [(String, String)] = [version])
        async throws -> MockExchange
    {
        try await MockHTTP.send(server, path, headers: headers, body: body)
    }

    @Test func aMessageHasAnthropicsShapeUsageAndHeaders() async throws {
        try await MockHTTP.withMock { server in
            let answer = try await post(server, hello)
            #expect(answer.status == 200)
            #expect(answer.headers.first(name: "request-id") != nil)
            #expect(answer.headers.first(name: "anthropic-ratelimit-requests-limit") == "1000")
            let message = try answer.json()
            #expect(message["type"]?.stringValue == "message")
            #expect(message["role"]?.stringValue == "assistant")
            #expect(message["id"]?.stringValue?.hasPrefix("msg_") == true)
            #expect(message["content"]?[0]?["type"]?.stringValue == "text")
            #expect(message["content"]?[0]?["text"]?.stringValue?.hasPrefix("Hello from m serving claude-sonnet-4-5.") == true)
            #expect(message["stop_reason"]?.stringValue == "end_turn")
            #expect(message["stop_sequence"] == .null)
            #expect(message["usage"]?["output_tokens"]?.intValue == 13)
            #expect(message["usage"]?["cache_read_input_tokens"]?.intValue == 0)
            let counted = try await post(server, hello, path: "/v1/messages/count_tokens").json()
            #expect(counted["input_tokens"] == message["usage"]?["input_tokens"])
            #expect(counted["input_tokens"]?.intValue == 9)
        }
    }

    @Test func aStreamFollowsTheDocumentedEventSequence() async throws {
        try await MockHTTP.withMock { server in
            let whole = try await post(server, hello).json()
            let streamed = try await post(server, hello.replacingOccurrences(of: #""max_tokens""#, with: #""stream":true,"max_tokens""#))
            #expect(streamed.headers.first(name: "content-type")?.hasPrefix("text/event-stream") == true)
            let events = try streamed.events()
            let data = try streamed.eventData()
            #expect(zip(events, data).allSatisfy { $0.event == $1["type"]?.stringValue }, "the event name is the data's type")
            let names = events.compactMap(\.event)
            #expect(Array(names.prefix(3)) == ["message_start", "content_block_start", "ping"])
            #expect(Array(names.suffix(3)) == ["content_block_stop", "message_delta", "message_stop"])
            #expect(data[0]["message"]?["usage"]?["input_tokens"] == whole["usage"]?["input_tokens"])
            #expect(data.allSatisfy { $0["index"] == nil || $0["index"]?.intValue == 0 })
            let text = data.compactMap { $0["delta"]?["type"]?.stringValue == "text_delta" ? $0["delta"]?["text"]?.stringValue : nil }.joined()
            #expect(text == whole["content"]?[0]?["text"]?.stringValue)
            let delta = try #require(data.first { $0["type"]?.stringValue == "message_delta" })
            #expect(delta["delta"]?["stop_reason"]?.stringValue == "end_turn")
            #expect(delta["usage"]?["output_tokens"]?.intValue == 13)
        }
    }

    @Test func aToolCallStreamsItsInputInSeveralPieces() async throws {
        try await MockHTTP.withMock { server in
            let tools = #""tools":[{"name":"read_file","description":"Read a file","input_schema":{"type":"object","properties":{"file":{"type":"string"}},"required":["file"]}}]"#
            let body = #"{"model":"claude-sonnet-4-5","max_tokens":1024,"stream":true,\#(tools),"messages":[{"role":"user","content":"read it"}]}"#
            let data = try await post(server, body).eventData()
            let start = try #require(data.first { $0["type"]?.stringValue == "content_block_start" })
            #expect(start["content_block"]?["type"]?.stringValue == "tool_use")
            #expect(start["content_block"]?["name"]?.stringValue == "read_file")
            #expect(start["content_block"]?["id"]?.stringValue?.hasPrefix("toolu_") == true)
            let pieces = data.compactMap { $0["delta"]?["type"]?.stringValue == "input_json_delta" ? $0["delta"]?["partial_json"]?.stringValue : nil }
            #expect(pieces.count > 2)
            #expect(try JSONValue(parsing: pieces.joined()) == ["file": "README.md"])
            #expect(data.first { $0["type"]?.stringValue == "message_delta" }?["delta"]?["stop_reason"]?.stringValue == "tool_use")

            let whole = try await post(server, body.replacingOccurrences(of: #""stream":true,"#, with: "")).json()
            #expect(whole["content"]?[0]?["input"] == ["file": "README.md"])
            #expect(whole["stop_reason"]?.stringValue == "tool_use")

            let answered = #"{"model":"claude-sonnet-4-5","max_tokens":1024,\#(tools),"messages":[{"role":"user","content":"read it"},{"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"read_file","input":{"file":"README.md"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"Junction readme"}]}]}"#
            let reply = try await post(server, answered).json()
            #expect(reply["content"]?[0]?["type"]?.stringValue == "text", "a tool result gets a text answer")
        }
    }

    @Test func thinkingComesFirstWithASignatureThatMustComeBackIntact() async throws {
        try await MockHTTP.withMock { server in
            let body = #"{"model":"claude-sonnet-4-5","max_tokens":4096,"stream":true,"thinking":{"type":"enabled","budget_tokens":2048},"messages":[{"role":"user","content":"think"}]}"#
            let data = try await post(server, body).eventData()
            let starts = data.filter { $0["type"]?.stringValue == "content_block_start" }
            #expect(starts.map { $0["content_block"]?["type"]?.stringValue } == ["thinking", "text"])
            #expect(starts.map { $0["index"]?.intValue } == [0, 1])
            let deltas = data.filter { $0["type"]?.stringValue == "content_block_delta" }
            let thinking = deltas.compactMap { $0["delta"]?["thinking"]?.stringValue }.joined()
            let signature = try #require(deltas.first { $0["delta"]?["type"]?.stringValue == "signature_delta" }?["delta"]?["signature"]?.stringValue)
            #expect(Data(base64Encoded: signature) != nil)
            #expect(deltas.allSatisfy { ($0["delta"]?["type"]?.stringValue == "text_delta") == ($0["index"]?.intValue == 1) })
            let stop = try #require(data.first { $0["type"]?.stringValue == "message_delta" })
            #expect(stop["usage"]?["output_tokens"]?.intValue == 13 + 13, "thinking tokens are output tokens")

            func turn(_ signature: String) -> String {
                let block: JSONValue = ["type": "thinking", "thinking": .string(thinking), "signature": .string(signature)]
                return #"{"model":"claude-sonnet-4-5","max_tokens":4096,"thinking":{"type":"enabled","budget_tokens":2048},"messages":[{"role":"user","content":"think"},{"role":"assistant","content":[\#(block.serializedString()),{"type":"text","text":"ok"}]},{"role":"user","content":"again"}]}"#
            }
            #expect(try await post(server, turn(signature)).status == 200)
            let tampered = try await post(server, turn("c2lnbmF0dXJl"))
            #expect(tampered.status == 400)
            #expect(try tampered.json()["error"]?["message"]?.stringValue == "messages.1.content.0: Invalid `signature` in `thinking` block")
        }
    }

    @Test(arguments: [
        (#""max_tokens":4096,"thinking":{"type":"enabled","budget_tokens":512}"#, "greater than or equal to 1024"),
        (#""max_tokens":2048,"thinking":{"type":"enabled","budget_tokens":2048}"#, "must be greater than `thinking.budget_tokens`"),
        (#""max_tokens":4096,"thinking":{"type":"enabled","budget_tokens":2048},"tool_choice":{"type":"any"},"tools":[{"name":"t","input_schema":{"type":"object"}}]"#, "forces tool use"),
    ])
    func aThinkingConfigurationAnthropicRefusesIsA400(fields: String, message: String) async throws {
        try await MockHTTP.withMock { server in
            let answer = try await post(server, #"{"model":"claude-sonnet-4-5",\#(fields),"messages":[{"role":"user","content":"hi"}]}"#)
            #expect(answer.status == 400)
            #expect(try answer.json()["error"]?["message"]?.stringValue?.contains(message) == true)
        }
    }

    @Test func keysAndTheVersionHeaderAreChecked() async throws {
        try await MockHTTP.withMock(MockProvider(name: "m", apiKeys: ["sk-ant-good"])) { server in
            let missing = try await post(server, hello)
            #expect(missing.status == 401)
            #expect(try missing.json()["error"]?["type"]?.stringValue == "authentication_error")
            #expect(try missing.json()["error"]?["message"]?.stringValue == "x-api-key header is required")
            let wrong = try await post(server, hello, headers: [Self.version, ("x-api-key", "sk-ant-bad")])
            #expect(wrong.status == 401)
            #expect(try wrong.json()["error"]?["message"]?.stringValue == "invalid x-api-key")
            let noVersion = try await post(server, hello, headers: [("x-api-key", "sk-ant-good")])
            #expect(noVersion.status == 400)
            #expect(try noVersion.json()["type"]?.stringValue == "error")
            #expect(try noVersion.json()["error"]?["type"]?.stringValue == "invalid_request_error")
            let good = try await post(
                server, hello, headers: [Self.version, ("x-api-key", "sk-ant-good"), ("anthropic-beta", "prompt-caching-2024-07-31")])
            #expect(good.status == 200)
            let received = try #require(server.provider.receivedRequests.last)
            #expect(received.format == .anthropic)
            #expect(received.path == "/v1/messages")
            #expect(received.apiKey == "sk-ant-good")
            #expect(received.header("Anthropic-Beta") == "prompt-caching-2024-07-31")
        }
    }

    @Test(arguments: [(429, "rate_limit_error"), (529, "overloaded_error"), (500, "api_error"), (404, "not_found_error")])
    func faultsUseAnthropicsErrorShape(status: Int, type: String) async throws {
        try await MockHTTP.withMock { server in
            let answer = try await post(server, hello, headers: [Self.version, ("x-mock-fault", "status=\(status); retry-after=5")])
            #expect(answer.status == status)
            let body = try answer.json()
            #expect(body["type"]?.stringValue == "error")
            #expect(body["error"]?["type"]?.stringValue == type)
            #expect(body["request_id"]?.stringValue?.hasPrefix("req_") == true)
            #expect(answer.headers.first(name: "retry-after") == "5")
            if status == 429 { #expect(answer.headers.first(name: "anthropic-ratelimit-requests-remaining") == "0") }
        }
    }

    @Test func aMidStreamErrorIsAnErrorEvent() async throws {
        try await MockHTTP.withMock { server in
            let body = #"{"model":"claude-sonnet-4-5","max_tokens":1024,"stream":true,"messages":[{"role":"user","content":"hi"}]}"#
            let answer = try await post(server, body, headers: [Self.version, ("x-mock-fault", "stream-error-after=4")])
            #expect(answer.status == 200)
            let events = try answer.events()
            #expect(events.count == 5)
            #expect(events.last?.event == "error")
            let error = try JSONValue(parsing: try #require(events.last).data)
            #expect(error["type"]?.stringValue == "error")
            #expect(error["error"]?["type"]?.stringValue == "overloaded_error")
        }
    }

    @Test func theModelListTakesAnthropicsShapeWithTheVersionHeader() async throws {
        try await MockHTTP.withMock(MockProvider(name: "m", models: ["claude-a", "claude-b"])) { server in
            let anthropic = try await MockHTTP.send(server, "/v1/models", method: .GET, headers: [Self.version]).json()
            #expect(anthropic["data"]?[0]?["type"]?.stringValue == "model")
            #expect(anthropic["data"]?[1]?["display_name"]?.stringValue == "claude-b")
            #expect(anthropic["has_more"] == false)
            #expect(anthropic["first_id"]?.stringValue == "claude-a")
            #expect(anthropic["last_id"]?.stringValue == "claude-b")
            let openAI = try await MockHTTP.send(server, "/v1/models", method: .GET).json()
            #expect(openAI["object"]?.stringValue == "list")
        }
    }

    @Test func aCacheMarkWritesThenReadsTheConversationPrefix() async throws {
        try await MockHTTP.withMock { server in
            let long = Array(repeating: "word", count: 1100).joined(separator: " ")
            let first = #"{"role":"user","content":[{"type":"text","text":"\#(long)","cache_control":{"type":"ephemeral"}}]},{"role":"assistant","content":"ok"}"#
            let one = #"{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[\#(first),{"role":"user","content":"one"}]}"#
            let two = #"{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[\#(first),{"role":"user","content":"two"}]}"#
            let written = try await post(server, one).json()["usage"]
            #expect(written?["cache_creation_input_tokens"]?.intValue ?? 0 > 1024)
            #expect(written?["cache_read_input_tokens"]?.intValue == 0)
            let read = try await post(server, two).json()["usage"]
            #expect(read?["cache_read_input_tokens"] == written?["cache_creation_input_tokens"])
            #expect(read?["input_tokens"]?.intValue == 5)
        }
    }
}
