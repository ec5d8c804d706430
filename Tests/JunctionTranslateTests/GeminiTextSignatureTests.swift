import JunctionTranslate
import JunctionWire
import Testing

/// A Gemini `thoughtSignature` on a text part reaches an Anthropic client as an opaque
/// `redacted_thinking` block and goes back to Gemini on the same text part.
@Suite struct GeminiTextSignatureTests {
    let signedAnswer: JSONValue = [
        "candidates": [[
            "content": ["role": "model", "parts": [
                ["text": "Weighing the options.", "thought": true],
                ["text": "Hello.", "thoughtSignature": "c2lnLTE="],
            ]],
            "finishReason": "STOP",
        ]],
        "usageMetadata": ["promptTokenCount": 5, "candidatesTokenCount": 2, "totalTokenCount": 7],
    ]

    @Test func aWholeAnswerCarriesTheSignatureInARedactedThinkingBlock() throws {
        let answer = try Codecs.translateResponse(signedAnswer, from: .gemini, to: .anthropic, model: "m")
        let blocks = try #require(answer["content"]?.arrayValue)
        #expect(blocks.map { $0["type"]?.stringValue ?? "" } == ["thinking", "text", "redacted_thinking"])
        #expect(blocks[2]["data"]?.stringValue == "junction.gemini.c2lnLTE=")
    }

    @Test func theNextTurnPutsTheSignatureBackOnTheTextPartForGeminiOnly() throws {
        let answer = try Codecs.translateResponse(signedAnswer, from: .gemini, to: .anthropic, model: "m")
        let nextTurn: JSONValue = [
            "model": "m", "max_tokens": 100,
            "messages": [
                ["role": "user", "content": "Hi"],
                ["role": "assistant", "content": answer["content"] ?? []],
                ["role": "user", "content": "Again"],
            ],
        ]
        let gemini = try Codecs.translateRequest(nextTurn, from: .anthropic, to: .gemini, upstreamModel: "gemini-2.5-pro", stream: false)
        let modelParts = try #require(gemini["contents"]?[1]?["parts"]?.arrayValue)
        let signed = try #require(modelParts.first { $0["text"]?.stringValue == "Hello." })
        #expect(signed["thoughtSignature"]?.stringValue == "c2lnLTE=")
        let openAI = try Codecs.translateRequest(nextTurn, from: .anthropic, to: .openAIChat, upstreamModel: "gpt-4o", stream: false)
        #expect(!openAI.serializedString().contains("c2lnLTE="), "no other provider sees it")
    }

    @Test func aStreamCarriesTheSignatureAndStaysAValidAnthropicStream() throws {
        let chunks: [JSONValue] = [
            ["candidates": [["content": ["role": "model", "parts": [["text": "Weighing.", "thought": true]]]]]],
            ["candidates": [["content": ["role": "model", "parts": [["text": "Hel"]]]]]],
            ["candidates": [["content": ["role": "model", "parts": [["text": "lo.", "thoughtSignature": "c2lnLTI="]]], "finishReason": "STOP"]],
             "usageMetadata": ["promptTokenCount": 5, "candidatesTokenCount": 2, "totalTokenCount": 7]],
        ]
        let events = chunks.map { ServerSentEvent(data: $0.serializedString()) }
        let (client, _) = try transcode(events, from: .gemini, to: .anthropic)
        _ = try validate(client, as: .anthropic)
        let starts = client.filter { $0.event == "content_block_start" }.compactMap { parsed($0.data)?["content_block"] }
        #expect(starts.map { $0["type"]?.stringValue ?? "" } == ["thinking", "text", "redacted_thinking"])
        #expect(starts.last?["data"]?.stringValue == "junction.gemini.c2lnLTI=")
    }
}
