import Foundation
import JunctionMock
import JunctionWire
import NIOHTTP1
import Testing

@Suite("JunctionMock's OpenAI Chat answers tool calls and counts reasoning")
struct OpenAIChatToolCallTests {
    let tools = #""tools":[{"type":"function","function":{"name":"read_file","parameters":{"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}}}]"#

    @Test func aToolCallStreamsArgumentsByIndex() async throws {
        try await MockHTTP.withMock { server in
            let body = #"{"model":"gpt-4o","stream":true,\#(tools),"messages":[{"role":"user","content":"read"}]}"#
            let answer = try await MockHTTP.send(server, "/v1/chat/completions", body: body)
            let chunks = try answer.events().dropLast().map { try JSONValue(parsing: $0.data) }
            let first = try #require(chunks.first?["choices"]?[0]?["delta"]?["tool_calls"]?[0])
            #expect(first["index"]?.intValue == 0)
            #expect(first["id"]?.stringValue?.hasPrefix("call_") == true)
            #expect(first["function"]?["name"]?.stringValue == "read_file")
            let pieces = chunks.dropFirst().compactMap { $0["choices"]?[0]?["delta"]?["tool_calls"]?[0]?["function"]?["arguments"]?.stringValue }
            #expect(pieces.count > 2)
            #expect(try JSONValue(parsing: pieces.joined()) == ["path": "README.md"])
            #expect(chunks.last?["choices"]?[0]?["finish_reason"]?.stringValue == "tool_calls")

            let whole = try await MockHTTP.send(server, "/v1/chat/completions", body: body.replacingOccurrences(of: #""stream":true,"#, with: "")).json()
            #expect(whole["choices"]?[0]?["message"]?["tool_calls"]?[0]?["function"]?["arguments"]?.stringValue == pieces.joined())
            #expect(whole["choices"]?[0]?["finish_reason"]?.stringValue == "tool_calls")

            let answered = #"{"model":"gpt-4o",\#(tools),"messages":[{"role":"user","content":"read"},{"role":"tool","tool_call_id":"call_1","content":"readme"}]}"#
            let reply = try await MockHTTP.send(server, "/v1/chat/completions", body: answered).json()
            #expect(reply["choices"]?[0]?["finish_reason"]?.stringValue == "stop")
            #expect(server.provider.receivedRequests.last?.format == .openAIChat)
            #expect(server.provider.receivedRequests.last?.header("content-type") == "application/json")
        }
    }

    @Test func reasoningEffortAddsReasoningTokens() async throws {
        try await MockHTTP.withMock { server in
            let body = #"{"model":"o4-mini","reasoning_effort":"low","messages":[{"role":"user","content":"hi"}]}"#
            let usage = try await MockHTTP.send(server, "/v1/chat/completions", body: body).json()["usage"]
            #expect(usage?["completion_tokens_details"]?["reasoning_tokens"]?.intValue == 13)
            #expect(usage?["completion_tokens"]?.intValue == 26)
        }
    }
}
