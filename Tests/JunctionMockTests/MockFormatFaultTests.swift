import Foundation
import JunctionMock
import JunctionWire
import NIOHTTP1
import Testing

/// One request per format, for the tests that run the same check on all four.
struct FormatCase: Sendable, CustomTestStringConvertible {
    var format: APIFormat
    var path: String
    var headers: [(String, String)]
    var body: String
    var testDescription: String { format.rawValue }

    /// The same question in each format, streamed or not, with an optional output-token limit.
    static func all(stream: Bool, limit: Int? = nil) -> [FormatCase] {
        let streamField = stream ? #""stream":true,"# : ""
        func cap(_ key: String) -> String { limit.map { #""\#(key)":\#($0),"# } ?? "" }
        let geminiConfig = limit.map { #""generationConfig":{"maxOutputTokens":\#($0)},"# } ?? ""
        return [
            FormatCase(
                format: .openAIChat, path: "/v1/chat/completions", headers: [],
                body: #"{\#(streamField)\#(cap("max_tokens"))"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}"#),
            FormatCase(
                format: .anthropic, path: "/v1/messages", headers: [("anthropic-version", "2023-06-01")],
                body: #"{\#(streamField)"max_tokens":\#(limit ?? 1024),"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"hi"}]}"#),
            FormatCase(
                format: .openAIResponses, path: "/v1/responses", headers: [],
                body: #"{\#(streamField)\#(cap("max_output_tokens"))"model":"gpt-4.1","input":"hi"}"#),
            FormatCase(
                format: .gemini, path: "/v1beta/models/gemini-2.5-flash:" + (stream ? "streamGenerateContent?alt=sse" : "generateContent"),
                headers: [], body: #"{\#(geminiConfig)"contents":[{"role":"user","parts":[{"text":"hi"}]}]}"#),
        ]
    }
}

@Suite("JunctionMock acts out limits and faults in every format")
struct MockFormatFaultTests {
    @Test(arguments: FormatCase.all(stream: false, limit: 3))
    func anOutputLimitCutsTheAnswerWithTheFormatsStopReason(_ item: FormatCase) async throws {
        try await MockHTTP.withMock { server in
            let body = try await MockHTTP.send(server, item.path, headers: item.headers, body: item.body).json()
            switch item.format {
            case .openAIChat:
                #expect(body["choices"]?[0]?["finish_reason"]?.stringValue == "length")
                #expect(body["usage"]?["completion_tokens"]?.intValue == 3)
            case .anthropic:
                #expect(body["stop_reason"]?.stringValue == "max_tokens")
                #expect(body["usage"]?["output_tokens"]?.intValue == 3)
            case .openAIResponses:
                #expect(body["status"]?.stringValue == "incomplete")
                #expect(body["incomplete_details"]?["reason"]?.stringValue == "max_output_tokens")
                #expect(body["output"]?[0]?["status"]?.stringValue == "incomplete")
            case .gemini:
                #expect(body["candidates"]?[0]?["finishReason"]?.stringValue == "MAX_TOKENS")
                #expect(body["usageMetadata"]?["candidatesTokenCount"]?.intValue == 3)
            }
        }
    }

    @Test func aCutResponsesStreamEndsWithResponseIncomplete() async throws {
        try await MockHTTP.withMock { server in
            let item = FormatCase.all(stream: true, limit: 3)[2]
            let events = try await MockHTTP.send(server, item.path, headers: item.headers, body: item.body).events()
            #expect(events.last?.event == "response.incomplete")
        }
    }

    @Test(arguments: FormatCase.all(stream: true))
    func aDisconnectEndsTheStreamEarly(_ item: FormatCase) async throws {
        try await MockHTTP.withMock { server in
            let headers = item.headers + [("x-mock-fault", "disconnect-after=2")]
            do {
                let answer = try await MockHTTP.send(server, item.path, headers: headers, body: item.body)
                #expect(try answer.events().count <= 2)
            } catch {
                // The client saw the connection drop mid-body, as with a provider that dies mid-stream.
            }
            #expect(server.provider.receivedRequests.last?.format == item.format)
            #expect(server.provider.completedStreams == 0)
        }
    }

    @Test(arguments: FormatCase.all(stream: true))
    func latencyDelaysTheHeadAndTheStreamStillCompletes(_ item: FormatCase) async throws {
        try await MockHTTP.withMock { server in
            let start = ContinuousClock.now
            let answer = try await MockHTTP.send(server, item.path, headers: item.headers + [("x-mock-fault", "latency=150")], body: item.body)
            #expect(ContinuousClock.now - start >= .milliseconds(150))
            #expect(answer.status == 200)
            #expect(try answer.events().count > 3)
        }
    }

    @Test func queuedFaultsAndScenariosApplyToEveryFormat() async throws {
        let provider = MockProvider(name: "m")
        try await MockHTTP.withMock(provider) { server in
            let cases = FormatCase.all(stream: false)
            provider.enqueue(MockFault(status: 429), MockFault(status: 500), MockFault(status: 503), MockFault(status: 429, retryAfter: 4))
            var statuses: [Int] = []
            for item in cases { statuses.append(try await MockHTTP.send(server, item.path, headers: item.headers, body: item.body).status) }
            #expect(statuses == [429, 500, 503, 429])
            #expect(provider.receivedRequests.map(\.format) == [.openAIChat, .anthropic, .openAIResponses, .gemini])
            #expect(provider.receivedRequests.map(\.path) == cases.map { $0.path.components(separatedBy: "?")[0] })
        }
    }
}
