import JunctionTranslate
import JunctionWire
import Testing

/// `cache_control` is kept on every block kind for Anthropic targets and dropped for the others.
@Suite struct CacheControlTests {
    @Test func anthropicClientMarksReachAnthropicOnEveryBlockKind() throws {
        let body = try Codecs.translateRequest(Fixture.request(.anthropic), from: .anthropic, to: .anthropic, upstreamModel: "c", stream: false)
        #expect(body["system"]?[1]?["cache_control"] == ["type": "ephemeral"])
        #expect(body["tools"]?[0]?["cache_control"] == ["type": "ephemeral"])
        let result = try #require(body["messages"]?[2]?["content"]?[1])
        #expect(result["type"] == "tool_result")
        #expect(result["cache_control"] == ["type": "ephemeral", "ttl": "1h"])
        #expect(result["is_error"] == true)
    }

    @Test func marksOnMessagesAndToolCallsSurvive() throws {
        let mark = CacheMark(ttl: "5m")
        let request = CanonicalRequest(
            model: "m",
            messages: [
                CanonicalMessage(role: .user, parts: [.text("long document", cacheMark: mark)]),
                CanonicalMessage(role: .assistant, parts: [CanonicalPart(.toolCall(ToolCall(id: "call_1", name: "f", argumentsJSON: "{}")), cacheMark: mark)]),
                CanonicalMessage(role: .user, parts: [CanonicalPart(.toolResult(ToolResult(callID: "call_1", content: [.text("ok")])), cacheMark: mark)]),
            ],
            tools: [CanonicalTool(name: "f", cacheMark: mark)])
        let body = try AnthropicCodec().encodeRequest(request, upstreamModel: "c", stream: false)
        let back = try AnthropicCodec().decodeRequest(body)
        #expect(back.messages.flatMap(\.parts).map(\.cacheMark) == [mark, mark, mark])
        #expect(back.tools.first?.cacheMark == mark)
    }

    @Test func openAIClientCacheMarksReachAnthropic() throws {
        let body = try Codecs.translateRequest(Fixture.request(.openAIChat), from: .openAIChat, to: .anthropic, upstreamModel: "c", stream: false)
        #expect(body["system"]?[1]?["cache_control"] == ["type": "ephemeral"])
    }

    @Test(arguments: [APIFormat.openAIChat, .openAIResponses, .gemini])
    func marksAreDroppedWhereTheTargetHasNoEquivalent(provider: APIFormat) throws {
        let body = try Codecs.translateRequest(Fixture.request(.anthropic), from: .anthropic, to: provider, upstreamModel: "m", stream: false)
        #expect(!body.serializedString().contains("cache_control"))
    }
}
