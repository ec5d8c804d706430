import AsyncHTTPClient
import Foundation
import JunctionMock
import JunctionWire
import NIOCore
import NIOHTTP1
import Testing

@Suite("JunctionMock speaks OpenAI's wire format and acts out faults")
struct MockProviderTests {
    func post(_ server: MockServer, body: String, fault: String? = nil) async throws -> (Int, HTTPHeaders, String) {
        var request = HTTPClientRequest(url: server.baseURL + "/chat/completions")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        if let fault { request.headers.add(name: "x-mock-fault", value: fault) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), response.headers, String(buffer: bytes))
    }

    let chat = #"{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}"#

    @Test func aHeaderFaultGivesOpenAIsDocumentedErrorBodyAndHeaders() async throws {
        let server = try await MockServer.start(MockProvider())
        defer { Task { await server.stop() } }
        let (status, headers, body) = try await post(server, body: chat, fault: "status=429; retry-after=7")
        #expect(status == 429)
        #expect(headers.first(name: "retry-after") == "7")
        let error = try JSONValue(parsing: body)["error"]
        #expect(error?["type"]?.stringValue == "requests")
        #expect(error?["code"]?.stringValue == "rate_limit_exceeded")
        #expect(error?["param"] == .null)
    }

    @Test func aScenarioFilePicksFaultsByRequestNumberAndModel() async throws {
        let path = NSTemporaryDirectory() + "scenario-\(UUID().uuidString).yaml"
        try """
            faults:
              - requests: 2-3
                fault: "status=503"
              - requests: 4-
                model: gpt-4o
                fault: "status=500; message=boom"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let server = try await MockServer.start(MockProvider(scenario: try MockScenario(contentsOfFile: path)))
        defer { Task { await server.stop() } }
        var statuses: [Int] = []
        for _ in 0..<5 { statuses.append(try await post(server, body: chat).0) }
        #expect(statuses == [200, 503, 503, 500, 500])
        let other = try await post(server, body: #"{"model":"gpt-4o-mini","messages":[]}"#)
        #expect(other.0 == 200)
    }

    @Test func aStreamHasTheRoleChunkContentFinishUsageAndDone() async throws {
        let server = try await MockServer.start(MockProvider(name: "m"))
        defer { Task { await server.stop() } }
        let body = #"{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}"#
        let (status, headers, text) = try await post(server, body: body)
        #expect(status == 200)
        #expect(headers.first(name: "content-type")?.hasPrefix("text/event-stream") == true)
        var decoder = ServerSentEventDecoder()
        let events = try decoder.feed(Array(text.utf8))
        let chunks = events.dropLast().compactMap { try? JSONValue(parsing: $0.data) }
        #expect(chunks.first?["choices"]?[0]?["delta"]?["role"]?.stringValue == "assistant")
        #expect(chunks.allSatisfy { $0["object"]?.stringValue == "chat.completion.chunk" })
        #expect(chunks.dropLast().last?["choices"]?[0]?["finish_reason"]?.stringValue == "stop")
        #expect(chunks.last?["choices"]?.arrayValue?.isEmpty == true)
        #expect(chunks.last?["usage"]?["completion_tokens"]?.intValue == 13)
        #expect(events.last?.data == "[DONE]")
    }

    @Test func anErrorEventInsideA200StreamIsOpenAIShaped() async throws {
        let server = try await MockServer.start(MockProvider())
        defer { Task { await server.stop() } }
        let body = #"{"model":"gpt-4o","stream":true,"messages":[]}"#
        let (status, _, text) = try await post(server, body: body, fault: "stream-error-after=2")
        #expect(status == 200)
        var decoder = ServerSentEventDecoder()
        let events = try decoder.feed(Array(text.utf8))
        #expect(events.count == 3)
        #expect(try JSONValue(parsing: events[2].data)["error"]?["type"]?.stringValue == "server_error")
    }

    @Test(arguments: ["status=abc", "nonsense", "flood=3"])
    func aMalformedFaultIsRejected(text: String) {
        #expect(throws: MockFaultError.self) { try MockFault(parsing: text) }
    }
}

@Suite("JunctionMock start-up")
struct MockStartupTests {
    @Test func aTakenPortIsAnErrorNotAHang() async throws {
        let first = try await MockServer.start(MockProvider())
        defer { Task { await first.stop() } }
        await #expect(throws: MockFaultError.self) { _ = try await MockServer.start(MockProvider(), port: first.port) }
    }
}
