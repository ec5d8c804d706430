import Foundation
import JunctionMock
import JunctionWire
import NIOHTTP1
import Testing

@Suite("JunctionMock speaks OpenAI Responses")
struct ResponsesMockTests {
    let hello = #"{"model":"gpt-4.1","input":"hi there"}"#

    func post(_ server: MockServer, _ body: String, headers: [(String, String)] = []) async throws -> MockExchange {
        try await MockHTTP.send(server, "/v1/responses", headers: headers, body: body)
    }

    func streamed(_ body: String) -> String { body.replacingOccurrences(of: #"{"model""#, with: #"{"stream":true,"model""#) }

    @Test func aResponseHasTheDocumentedShape() async throws {
        try await MockHTTP.withMock { server in
            let response = try await post(server, hello).json()
            #expect(response["object"]?.stringValue == "response")
            #expect(response["status"]?.stringValue == "completed")
            #expect(response["id"]?.stringValue?.hasPrefix("resp_") == true)
            let item = try #require(response["output"]?[0])
            #expect(item["type"]?.stringValue == "message")
            #expect(item["role"]?.stringValue == "assistant")
            #expect(item["content"]?[0]?["type"]?.stringValue == "output_text")
            #expect(item["content"]?[0]?["text"]?.stringValue?.hasPrefix("Hello from m serving gpt-4.1.") == true)
            #expect(response["usage"]?["input_tokens"]?.intValue == 9)
            #expect(response["usage"]?["output_tokens"]?.intValue == 13)
            #expect(response["usage"]?["total_tokens"]?.intValue == 22)
            #expect(response["usage"]?["input_tokens_details"]?["cached_tokens"]?.intValue == 0)
            let received = try #require(server.provider.receivedRequests.last)
            #expect(received.format == .openAIResponses)
            #expect(received.path == "/v1/responses")
        }
    }

    @Test func aStreamHasEveryEventInOrderWithIncreasingSequenceNumbers() async throws {
        try await MockHTTP.withMock { server in
            let answer = try await post(server, streamed(hello))
            let events = try answer.events()
            let data = try answer.eventData()
            #expect(zip(events, data).allSatisfy { $0.event == $1["type"]?.stringValue })
            #expect(data.map { $0["sequence_number"]?.intValue } == data.indices.map { $0 })
            var names = events.compactMap(\.event)
            names.removeAll { $0 == "response.output_text.delta" }
            #expect(
                names == [
                    "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
                    "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed",
                ])
            let text = data.compactMap { $0["type"]?.stringValue == "response.output_text.delta" ? $0["delta"]?.stringValue : nil }.joined()
            let completed = try #require(data.last?["response"])
            #expect(completed["status"]?.stringValue == "completed")
            #expect(completed["output"]?[0]?["content"]?[0]?["text"]?.stringValue == text)
            #expect(data[0]["response"]?["status"]?.stringValue == "in_progress")
        }
    }

    @Test func aFunctionCallStreamsItsArgumentsInSeveralPieces() async throws {
        try await MockHTTP.withMock { server in
            let body = #"{"model":"gpt-4.1","tools":[{"type":"function","name":"read_file","parameters":{"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}}],"input":[{"role":"user","content":"read"}]}"#
            let data = try await post(server, streamed(body)).eventData()
            let added = try #require(data.first { $0["type"]?.stringValue == "response.output_item.added" })
            #expect(added["item"]?["type"]?.stringValue == "function_call")
            #expect(added["item"]?["name"]?.stringValue == "read_file")
            let pieces = data.compactMap { $0["type"]?.stringValue == "response.function_call_arguments.delta" ? $0["delta"]?.stringValue : nil }
            #expect(pieces.count > 2)
            #expect(try JSONValue(parsing: pieces.joined()) == ["path": "README.md"])
            let done = try #require(data.first { $0["type"]?.stringValue == "response.function_call_arguments.done" })
            #expect(done["arguments"]?.stringValue == pieces.joined())
            let whole = try await post(server, body).json()
            let call = try #require(whole["output"]?[0])
            #expect(call["call_id"]?.stringValue?.hasPrefix("call_") == true)
            #expect(call["arguments"]?.stringValue == pieces.joined())

            let followUp = #"{"model":"gpt-4.1","tools":[{"type":"function","name":"read_file","parameters":{}}],"input":[{"type":"function_call_output","call_id":"call_1","output":"readme"}]}"#
            #expect(try await post(server, followUp).json()["output"]?[0]?["type"]?.stringValue == "message")
        }
    }

    @Test func reasoningComesFirstWithSummaryDeltasAndCountedTokens() async throws {
        try await MockHTTP.withMock { server in
            let body = #"{"model":"o4-mini","reasoning":{"effort":"medium","summary":"auto"},"include":["reasoning.encrypted_content"],"input":"think"}"#
            let data = try await post(server, streamed(body)).eventData()
            let types = data.compactMap { $0["type"]?.stringValue }
            #expect(types.firstIndex(of: "response.reasoning_summary_part.added")! < types.firstIndex(of: "response.content_part.added")!)
            let summary = data.compactMap { $0["type"]?.stringValue == "response.reasoning_summary_text.delta" ? $0["delta"]?.stringValue : nil }
            #expect(summary.count > 2)
            let completed = try #require(data.last?["response"])
            let reasoning = try #require(completed["output"]?[0])
            #expect(reasoning["type"]?.stringValue == "reasoning")
            #expect(reasoning["summary"]?[0]?["text"]?.stringValue == summary.joined())
            #expect(reasoning["encrypted_content"]?.stringValue?.isEmpty == false)
            #expect(completed["usage"]?["output_tokens_details"]?["reasoning_tokens"]?.intValue == 13)
            #expect(completed["usage"]?["output_tokens"]?.intValue == 26)
        }
    }

    @Test func previousResponseIDsContinueStoredResponsesOnly() async throws {
        try await MockHTTP.withMock { server in
            let first = try await post(server, hello).json()
            let id = try #require(first["id"]?.stringValue)
            let next = try await post(server, #"{"model":"gpt-4.1","previous_response_id":"\#(id)","input":"and again"}"#)
            #expect(next.status == 200)
            let continued = try next.json()
            #expect(continued["previous_response_id"]?.stringValue == id)
            #expect(continued["usage"]?["input_tokens"]?.intValue == 9 + 13 + 9, "the stored context is billed again")

            let unknown = try await post(server, #"{"model":"gpt-4.1","previous_response_id":"resp_nope","input":"x"}"#)
            #expect(unknown.status == 400)
            let error = try unknown.json()["error"]
            #expect(error?["code"]?.stringValue == "previous_response_not_found")
            #expect(error?["param"]?.stringValue == "previous_response_id")
            #expect(error?["message"]?.stringValue == "Previous response with id 'resp_nope' not found.")

            let unstored = try await post(server, #"{"model":"gpt-4.1","store":false,"input":"hi"}"#).json()
            #expect(unstored["store"] == false)
            let afterUnstored = #"{"model":"gpt-4.1","previous_response_id":"\#(unstored["id"]?.stringValue ?? "")","input":"x"}"#
            #expect(try await post(server, afterUnstored).status == 400)
            #expect(try await MockHTTP.send(server, "/v1/responses/\(id)", method: .GET).json()["id"]?.stringValue == id)
        }
    }

    @Test func concurrentResponsesGetDistinctStoredIDs() async throws {
        try await MockHTTP.withMock { server in
            let ids = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<8 { group.addTask { try await post(server, hello).json()["id"]?.stringValue } }
                return try await group.reduce(into: [String]()) { if let id = $1 { $0.append(id) } }
            }
            #expect(Set(ids).count == 8)
            for id in ids { #expect(try await MockHTTP.send(server, "/v1/responses/\(id)", method: .GET).status == 200) }
        }
    }

    @Test func aWrongBearerKeyGetsOpenAIs401() async throws {
        try await MockHTTP.withMock(MockProvider(name: "m", apiKeys: ["sk-good"])) { server in
            let wrong = try await post(server, hello, headers: [("authorization", "Bearer sk-bad")])
            #expect(wrong.status == 401)
            #expect(try wrong.json()["error"]?["code"]?.stringValue == "invalid_api_key")
            #expect(try await post(server, hello, headers: [("authorization", "Bearer sk-good")]).status == 200)
        }
    }

    @Test(arguments: [(429, "rate_limit_exceeded"), (503, nil)] as [(Int, String?)])
    func faultsUseOpenAIsErrorBody(status: Int, code: String?) async throws {
        try await MockHTTP.withMock { server in
            let answer = try await post(server, hello, headers: [("x-mock-fault", "status=\(status); retry-after=3")])
            #expect(answer.status == status)
            let error = try answer.json()["error"]
            #expect(error?["code"]?.stringValue == code)
            #expect(error?["message"]?.stringValue?.isEmpty == false)
            #expect(answer.headers.first(name: "retry-after") == "3")
        }
    }

    @Test func aMidStreamErrorIsResponseFailed() async throws {
        try await MockHTTP.withMock { server in
            let answer = try await post(server, streamed(hello), headers: [("x-mock-fault", "stream-error-after=3; message=boom")])
            let data = try answer.eventData()
            #expect(data.count == 4)
            #expect(try answer.events().last?.event == "response.failed")
            #expect(data.last?["sequence_number"]?.intValue == 3)
            #expect(data.last?["response"]?["status"]?.stringValue == "failed")
            #expect(data.last?["response"]?["error"]?["message"]?.stringValue == "boom")
        }
    }
}
