import Foundation
import JunctionGateway
import JunctionMock
import JunctionServer
import JunctionWire
import NIOHTTP1
import Testing

/// Extended thinking across turns: the signature a provider gave must reach it again unchanged.
@Suite("Thinking signatures survive the round trip")
struct ThinkingRouteTests {
    func harness() async throws -> Harness {
        try await Harness.start([MockProvider(name: "mock")]) { mocks in
            JunctionConfig(providers: [
                ProviderConfig(id: "ant", format: .anthropic, baseURL: mocks[0].baseURL, models: ["m1"]),
                ProviderConfig(id: "gem", format: .gemini, baseURL: mocks[0].rootURL + "/v1beta", models: ["m1"]),
            ])
        }
    }

    func firstTurn(model: String) -> JSONValue {
        [
            "model": .string(model), "max_tokens": 4096, "thinking": ["type": "enabled", "budget_tokens": 2048],
            "messages": [["role": "user", "content": "Think, then say hello"]],
        ]
    }

    // A Gemini provider signs its last text part; an Anthropic client holds that signature in an
    // opaque `redacted_thinking` block. Function-call signatures travel inside the tool-call id and
    // are covered by the pair matrix's tool loops.
    @Test(arguments: ["ant/m1", "gem/m1"])
    func anAnthropicClientsThinkingBlockComesBackToTheProviderUnchanged(model: String) async throws {
        let harness = try await harness()
        defer { Task { await harness.stop() } }
        let headers = [("anthropic-version", "2023-06-01")]
        let first = try await harness.request("/v1/messages", body: firstTurn(model: model).serializedString(), headers: headers)
        #expect(first.status == 200)
        let blocks = try #require(first.json?["content"]?.arrayValue)
        let thinking = try #require(blocks.first { $0["type"]?.stringValue == "thinking" }, "blocks: \(blocks)")
        #expect(thinking["thinking"]?.stringValue?.isEmpty == false)
        let carried = blocks.first { $0["type"]?.stringValue == "redacted_thinking" }?["data"]?.stringValue
        let signature = try #require(carried ?? thinking["signature"]?.stringValue)
        #expect(!signature.isEmpty)
        var second = firstTurn(model: model)
        second["messages"] = [
            ["role": "user", "content": "Think, then say hello"],
            ["role": "assistant", "content": .array(blocks)],
            ["role": "user", "content": "Again"],
        ]
        let reply = try await harness.request("/v1/messages", body: second.serializedString(), headers: headers)
        #expect(reply.status == 200)
        let sent = try #require(harness.mocks[0].provider.receivedRequests.last?.body)
        // The provider sees its own signature: verbatim for Anthropic, unwrapped for another format.
        let original = signature.components(separatedBy: ".").last ?? signature
        #expect(sent.contains(original), "turn two carried the provider's signature back")
        if model.hasPrefix("ant/") { #expect(sent.contains(signature)) }
    }
}
