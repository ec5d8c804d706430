import AsyncHTTPClient
import Foundation
import JunctionGateway
import JunctionMock
import JunctionServer
import JunctionStore
import JunctionWire
import NIOCore
import NIOHTTP1
import Testing

/// Every client API against every provider API, streamed and not, through the live server: a plain
/// answer and a two-turn tool loop, each read back in the client's own format.
@Suite("16 client × provider pairs, live")
struct PairMatrixTests {
    static let pairs: [(APIFormat, APIFormat)] = APIFormat.allCases.flatMap { client in APIFormat.allCases.map { (client, $0) } }
    static let providerIDs: [APIFormat: String] = [.openAIChat: "oai", .anthropic: "ant", .openAIResponses: "rsp", .gemini: "gem"]

    func startHarness() async throws -> Harness {
        try await Harness.start([MockProvider(name: "mock")]) { mocks in
            let mock = mocks[0]
            return JunctionConfig(providers: [
                ProviderConfig(id: "oai", format: .openAIChat, baseURL: mock.baseURL, models: ["m1"]),
                ProviderConfig(id: "ant", format: .anthropic, baseURL: mock.baseURL, models: ["m1"]),
                ProviderConfig(id: "rsp", format: .openAIResponses, baseURL: mock.baseURL, models: ["m1"]),
                ProviderConfig(id: "gem", format: .gemini, baseURL: mock.rootURL + "/v1beta", models: ["m1"]),
            ])
        }
    }

    func send(_ harness: Harness, dialect: Dialect, model: String, body: JSONValue, stream: Bool) async throws -> (Int, Dialect.Answer) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(harness.port)" + dialect.path(model: model, stream: stream))
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        if dialect.format == .anthropic { request.headers.add(name: "anthropic-version", value: "2023-06-01") }
        request.body = .bytes(ByteBuffer(bytes: body.serialized()))
        let response = try await harness.client.execute(request, timeout: .seconds(30))
        let status = Int(response.status.code)
        if stream, status == 200 {
            var decoder = ServerSentEventDecoder()
            var events: [ServerSentEvent] = []
            for try await chunk in response.body { events += try decoder.feed(chunk.readableBytesView) }
            if let last = decoder.finish() { events.append(last) }
            return (status, dialect.answer(events))
        }
        let bytes = try await response.body.collect(upTo: 8 << 20)
        let json = try JSONValue(parsing: bytes.readableBytesView)
        return (status, status == 200 ? dialect.answer(json) : Dialect.Answer(text: json.serializedString()))
    }

    @Test(arguments: pairs)
    func aPlainAnswerStreamedAndNot(client: APIFormat, provider: APIFormat) async throws {
        let harness = try await startHarness()
        defer { Task { await harness.stop() } }
        let dialect = Dialect(format: client)
        let model = "\(Self.providerIDs[provider]!)/m1"
        for stream in [false, true] {
            let (status, answer) = try await send(harness, dialect: dialect, model: model, body: dialect.firstTurn(model: model, stream: stream, tools: false), stream: stream)
            #expect(status == 200, "\(client.rawValue)→\(provider.rawValue) stream=\(stream): \(answer.text)")
            #expect(answer.text.hasPrefix("Hello from mock serving m1."), "\(client.rawValue)→\(provider.rawValue) stream=\(stream): \(answer.text)")
            #expect(answer.finished, "\(client.rawValue)→\(provider.rawValue) stream=\(stream) ended properly")
        }
        let received = harness.mocks[0].provider.receivedRequests
        #expect(received.count == 2)
        #expect(received.allSatisfy { $0.format == provider && $0.model == "m1" }, "the provider got its own format and model name")
        let records = try await harness.usageRecords()
        #expect(records.map(\.status) == [200, 200])
        #expect(records.allSatisfy { ($0.outputTokens ?? 0) > 0 }, "usage reaches the ledger in every pair")
    }

    @Test(arguments: pairs)
    func aTwoTurnToolLoop(client: APIFormat, provider: APIFormat) async throws {
        let harness = try await startHarness()
        defer { Task { await harness.stop() } }
        let dialect = Dialect(format: client)
        let model = "\(Self.providerIDs[provider]!)/m1"
        // Turn one, streamed: the call's arguments arrive in pieces and must reassemble.
        let (status, first) = try await send(harness, dialect: dialect, model: model, body: dialect.firstTurn(model: model, stream: true, tools: true), stream: true)
        #expect(status == 200)
        let call = try #require(first.toolCall, "\(client.rawValue)→\(provider.rawValue): no tool call in \(first.text)")
        #expect(call.name == "read_file")
        let arguments = try JSONValue(parsing: call.arguments)
        #expect(arguments["path"]?.stringValue?.isEmpty == false, "arguments: \(call.arguments)")
        // Turn two, not streamed: the result goes back under the same id and the model answers in text.
        let body = dialect.toolResultTurn(model: model, stream: false, call: call, result: "# Junction\nA router.")
        let (secondStatus, second) = try await send(harness, dialect: dialect, model: model, body: body, stream: false)
        #expect(secondStatus == 200, "\(client.rawValue)→\(provider.rawValue): \(second.text)")
        #expect(second.toolCall == nil)
        #expect(second.text.hasPrefix("Hello from mock"), "\(client.rawValue)→\(provider.rawValue): \(second.text)")
        let sent = try #require(harness.mocks[0].provider.receivedRequests.last)
        #expect(sent.body.contains("A router."), "the tool result reached the provider")
    }
}
