import Foundation
import JunctionGateway
import JunctionMock
import JunctionSaver
import JunctionStore
import JunctionWire
import Testing

@Suite("The token saver on the chat route")
struct SaverRouteTests {
    static func sample() throws -> String {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../JunctionSaverTests/Fixtures/pytest/verbose-failures.txt").standardizedFileURL
        return try String(contentsOf: path, encoding: .utf8)
    }

    static func body(toolOutput: String) -> String {
        let request: JSONValue = [
            "model": "p1/gpt-4o",
            "messages": [
                ["role": "user", "content": "run the tests"],
                ["role": "assistant", "content": .null, "tool_calls": [["id": "call_1", "type": "function", "function": ["name": "Bash", "arguments": #"{"command":"python3 -m pytest tests"}"#]]]],
                ["role": "tool", "tool_call_id": "call_1", "content": .string(toolOutput)],
            ],
        ]
        return request.serializedString()
    }

    func upstreamToolOutput(_ mock: MockProvider, request index: Int) throws -> String {
        let body = try JSONValue(parsing: mock.receivedRequests[index].body)
        return try #require(body["messages"]?[2]?["content"]?.stringValue)
    }

    @Test func aBigToolOutputLeavesCompressedAndTheLedgerCountsTheSaving() async throws {
        let output = try Self.sample()
        let mock = MockProvider()
        let harness = try await Harness.start(mock)
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/chat/completions", body: Self.body(toolOutput: output))
        #expect(reply.status == 200)
        let sent = try upstreamToolOutput(mock, request: 0)
        #expect(sent.utf8.count < output.utf8.count)
        #expect(sent.contains("2 failed") || sent.contains("failed"))
        let record = try #require(try await harness.usageRecords().first)
        #expect(record.saverBytesBefore == output.utf8.count)
        #expect(record.saverBytesAfter == sent.utf8.count)
        #expect((record.saverTokensAfter ?? .max) < (record.saverTokensBefore ?? 0))
    }

    @Test func theHeaderTurnsTheSaverOffForOneRequestAndABadValueIs400() async throws {
        let output = try Self.sample()
        let mock = MockProvider()
        let harness = try await Harness.start(mock)
        defer { Task { await harness.stop() } }
        let off = try await harness.request("/v1/chat/completions", body: Self.body(toolOutput: output), headers: [("x-junction-saver", "off")])
        #expect(off.status == 200)
        #expect(try upstreamToolOutput(mock, request: 0) == output)
        let bad = try await harness.request("/v1/chat/completions", body: Self.body(toolOutput: output), headers: [("x-junction-saver", "max")])
        #expect(bad.status == 400)
        #expect(bad.json?["error"]?["code"]?.stringValue == "invalid_saver_level")
    }

    @Test func aClientKeyCanTurnTheSaverOff() async throws {
        let output = try Self.sample()
        let mock = MockProvider()
        let harness = try await Harness.start(mock, clientKeys: [ClientKey(name: "raw", key: "k-raw", saver: .off)])
        defer { Task { await harness.stop() } }
        _ = try await harness.request("/v1/chat/completions", body: Self.body(toolOutput: output), headers: [("x-api-key", "k-raw")])
        #expect(try upstreamToolOutput(mock, request: 0) == output)
    }
}
