import Foundation
import JunctionMock
import JunctionWire
import NIOHTTP1
import Testing

@Suite("JunctionMock speaks Gemini generateContent")
struct GeminiMockTests {
    let hello = #"{"contents":[{"role":"user","parts":[{"text":"hi there"}]}]}"#
    let model = "gemini-2.5-flash"

    func post(
        _ server: MockServer, _ body: String, action: String = "generateContent", query: String = "", headers: [(String, String)] = []
    ) async throws -> MockExchange
    {
        try await MockHTTP.send(server, "/v1beta/models/\(model):\(action)\(query)", headers: headers, body: body)
    }

    @Test func anAnswerHasCandidatesFinishReasonAndUsage() async throws {
        try await MockHTTP.withMock { server in
            let answer = try await post(server, hello).json()
            let candidate = try #require(answer["candidates"]?[0])
            #expect(candidate["content"]?["role"]?.stringValue == "model")
            #expect(candidate["content"]?["parts"]?[0]?["text"]?.stringValue?.hasPrefix("Hello from m serving gemini-2.5-flash.") == true)
            #expect(candidate["finishReason"]?.stringValue == "STOP")
            let usage = try #require(answer["usageMetadata"])
            #expect(usage["promptTokenCount"]?.intValue == 9)
            #expect(usage["candidatesTokenCount"]?.intValue == 13)
            #expect(usage["totalTokenCount"]?.intValue == 22)
            #expect(answer["modelVersion"]?.stringValue == model)
            let received = try #require(server.provider.receivedRequests.last)
            #expect(received.format == .gemini)
            #expect(received.model == model)
            #expect(received.path == "/v1beta/models/\(model):generateContent")
            let encoded = try await MockHTTP.send(server, "/v1beta/models/\(model)%3AgenerateContent", body: hello)
            #expect(encoded.status == 200, "a percent-encoded colon is the same route")
            let counted = try await post(server, hello, action: "countTokens").json()
            #expect(counted["totalTokens"]?.intValue == 9)
        }
    }

    @Test func anSSEStreamEndsWithFinishReasonAndFullUsage() async throws {
        try await MockHTTP.withMock { server in
            let whole = try await post(server, hello).json()
            let answer = try await post(server, hello, action: "streamGenerateContent", query: "?alt=sse")
            #expect(answer.headers.first(name: "content-type")?.hasPrefix("text/event-stream") == true)
            let chunks = try answer.eventData()
            #expect(chunks.count > 2)
            #expect(chunks.dropLast().allSatisfy { $0["candidates"]?[0]?["finishReason"] == nil })
            #expect(chunks.last?["candidates"]?[0]?["finishReason"]?.stringValue == "STOP")
            #expect(chunks.last?["usageMetadata"] == whole["usageMetadata"])
            let text = chunks.compactMap { $0["candidates"]?[0]?["content"]?["parts"]?[0]?["text"]?.stringValue }.joined()
            #expect(text == whole["candidates"]?[0]?["content"]?["parts"]?[0]?["text"]?.stringValue)
            #expect(Set(chunks.compactMap { $0["responseId"]?.stringValue }).count == 1)
            let counts = chunks.compactMap { $0["usageMetadata"]?["candidatesTokenCount"]?.intValue }
            #expect(counts.count == chunks.count && counts == counts.sorted(), "every chunk carries the running usage")
        }
    }

    @Test func withoutAltSSEtheStreamIsOneJSONArray() async throws {
        try await MockHTTP.withMock { server in
            let sse = try await post(server, hello, action: "streamGenerateContent", query: "?alt=sse").eventData()
            let array = try await post(server, hello, action: "streamGenerateContent").json()
            let elements = try #require(array.arrayValue)
            #expect(elements.count == sse.count)
            #expect(elements.last?["candidates"]?[0]?["finishReason"]?.stringValue == "STOP")
        }
    }

    @Test func aFunctionCallComesWholeInOnePart() async throws {
        try await MockHTTP.withMock { server in
            let body = #"{"tools":[{"functionDeclarations":[{"name":"read_file","parameters":{"type":"OBJECT","properties":{"path":{"type":"STRING"}},"required":["path"]}}]}],"contents":[{"role":"user","parts":[{"text":"read"}]}]}"#
            let chunks = try await post(server, body, action: "streamGenerateContent", query: "?alt=sse").eventData()
            #expect(chunks.count == 1)
            let part = try #require(chunks.last?["candidates"]?[0]?["content"]?["parts"]?[0])
            #expect(part["functionCall"]?["name"]?.stringValue == "read_file")
            #expect(part["functionCall"]?["args"] == ["path": "README.md"])
            #expect(chunks.last?["candidates"]?[0]?["finishReason"]?.stringValue == "STOP")

            let answered = #"{"tools":[{"functionDeclarations":[{"name":"read_file"}]}],"contents":[{"role":"user","parts":[{"text":"read"}]},{"role":"model","parts":[{"functionCall":{"name":"read_file","args":{"path":"README.md"}}}]},{"role":"user","parts":[{"functionResponse":{"name":"read_file","response":{"content":"readme"}}}]}]}"#
            #expect(try await post(server, answered).json()["candidates"]?[0]?["content"]?["parts"]?[0]?["text"] != nil)
        }
    }

    @Test func includedThoughtsComeFirstThenASignedAnswer() async throws {
        try await MockHTTP.withMock { server in
            let body = #"{"generationConfig":{"thinkingConfig":{"includeThoughts":true,"thinkingBudget":1024}},"contents":[{"role":"user","parts":[{"text":"think"}]}]}"#
            let chunks = try await post(server, body, action: "streamGenerateContent", query: "?alt=sse").eventData()
            let parts = chunks.compactMap { $0["candidates"]?[0]?["content"]?["parts"]?[0] }
            #expect(parts.first?["thought"] == true)
            #expect(parts.last?["thoughtSignature"]?.stringValue?.isEmpty == false, "the signature closes the answer")
            #expect(parts.dropFirst().allSatisfy { $0["thought"] == nil })
            #expect(chunks.last?["usageMetadata"]?["thoughtsTokenCount"]?.intValue == 13)
            #expect(chunks.last?["usageMetadata"]?["totalTokenCount"]?.intValue == 8 + 13 + 13)
        }
    }

    @Test func gemini3RejectsAFunctionCallSentBackWithoutItsSignature() async throws {
        try await MockHTTP.withMock { server in
            func turn(model: String, signature: String?) -> String {
                let sig = signature.map { #","thoughtSignature":"\#($0)""# } ?? ""
                return #"{"contents":[{"role":"user","parts":[{"text":"read"}]},{"role":"model","parts":[{"functionCall":{"name":"read_file","args":{}}\#(sig)}]},{"role":"user","parts":[{"functionResponse":{"name":"read_file","response":{}}}]}]}"#
            }
            let path = "/v1beta/models/gemini-3-pro-preview:generateContent"
            let missing = try await MockHTTP.send(server, path, body: turn(model: "", signature: nil))
            #expect(missing.status == 400)
            #expect(try missing.json()["error"]?["message"]?.stringValue?.contains("thought_signature") == true)
            #expect(try await MockHTTP.send(server, path, body: turn(model: "", signature: "c2ln")).status == 200)
            #expect(try await post(server, turn(model: "", signature: nil)).status == 200, "Gemini 2.5 does not check")
        }
    }

    @Test func keysComeFromTheHeaderOrTheQuery() async throws {
        try await MockHTTP.withMock(MockProvider(name: "m", apiKeys: ["AIza-good"])) { server in
            #expect(try await post(server, hello, headers: [("x-goog-api-key", "AIza-good")]).status == 200)
            #expect(try await post(server, hello, query: "?key=AIza-good").status == 200)
            #expect(server.provider.receivedRequests.last?.apiKey == "AIza-good")
            let missing = try await post(server, hello)
            #expect(missing.status == 403)
            #expect(try missing.json()["error"]?["status"]?.stringValue == "PERMISSION_DENIED")
            let wrong = try await post(server, hello, headers: [("x-goog-api-key", "AIza-bad")])
            #expect(wrong.status == 400)
            #expect(try wrong.json()["error"]?["status"]?.stringValue == "INVALID_ARGUMENT")
            #expect(try wrong.json()["error"]?["details"]?[0]?["reason"]?.stringValue == "API_KEY_INVALID")
        }
    }

    @Test(arguments: [(429, "RESOURCE_EXHAUSTED"), (503, "UNAVAILABLE"), (500, "INTERNAL"), (404, "NOT_FOUND")])
    func faultsUseGooglesErrorShape(status: Int, name: String) async throws {
        try await MockHTTP.withMock { server in
            let answer = try await post(server, hello, headers: [("x-mock-fault", "status=\(status); retry-after=9")])
            #expect(answer.status == status)
            let error = try answer.json()["error"]
            #expect(error?["code"]?.intValue == status)
            #expect(error?["status"]?.stringValue == name)
            #expect(error?["message"]?.stringValue?.isEmpty == false)
            if status == 429 { #expect(error?["details"]?[0]?["retryDelay"]?.stringValue == "9s") }
        }
    }

    @Test func aMidStreamErrorIsADataEventWithTheErrorBody() async throws {
        try await MockHTTP.withMock { server in
            let answer = try await post(server, hello, action: "streamGenerateContent", query: "?alt=sse", headers: [("x-mock-fault", "stream-error-after=2")])
            #expect(answer.status == 200)
            let chunks = try answer.eventData()
            #expect(chunks.count == 3)
            #expect(chunks.last?["error"]?["status"]?.stringValue == "UNAVAILABLE")
            #expect(chunks.last?["error"]?["code"]?.intValue == 503)
        }
    }
}
