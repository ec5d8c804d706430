import JunctionTranslate
import JunctionWire
import Testing

/// Whole (non-streamed) answers: content, finish reasons and usage, both ways.
@Suite struct ResponseTests {
    static let expectedUsage: [APIFormat: CanonicalUsage] = [
        .anthropic: CanonicalUsage(inputTokens: 2420, cachedInputTokens: 2000, cacheWriteTokens: 300, outputTokens: 95),
        .openAIChat: CanonicalUsage(inputTokens: 2420, cachedInputTokens: 2000, outputTokens: 95, reasoningTokens: 40),
        .openAIResponses: CanonicalUsage(inputTokens: 2420, cachedInputTokens: 2000, outputTokens: 95, reasoningTokens: 40),
        .gemini: CanonicalUsage(inputTokens: 2420, cachedInputTokens: 2000, outputTokens: 95, reasoningTokens: 40),
    ]

    @Test(arguments: allPairs)
    func providerAnswerReachesEveryClient(provider: APIFormat, client: APIFormat) throws {
        let answer = try Codecs.codec(for: provider).decodeResponse(Fixture.response(provider))
        #expect(answer.finishReason == .toolCalls)
        #expect(answer.usage == Self.expectedUsage[provider])
        #expect(answer.toolCalls.map(\.name) == ["get_weather", "get_weather"])

        let body = Codecs.codec(for: client).encodeResponse(answer, model: "client-alias")
        let back = try Codecs.codec(for: client).decodeResponse(body)
        #expect(back.finishReason == .toolCalls)
        #expect(back.toolCalls.map { parsed($0.argumentsJSON)?["location"] } == ["Paris, France", "Tokyo, Japan"])
        #expect(back.parts.compactMap(\.text).joined() == "Let me check both cities.")
        let usage = try #require(back.usage)
        let sent = try #require(answer.usage)
        #expect(usage.inputTokens == sent.inputTokens)
        #expect(usage.outputTokens == sent.outputTokens)
        #expect(usage.cachedInputTokens == sent.cachedInputTokens)
        if client != .gemini { #expect(usage.cacheWriteTokens == sent.cacheWriteTokens) }
        if client != .anthropic { #expect(usage.reasoningTokens == sent.reasoningTokens) }
        switch client {
        case .openAIChat: #expect(body["choices"]?[0]?["finish_reason"] == "tool_calls")
        case .anthropic: #expect(body["stop_reason"] == "tool_use")
        case .gemini: #expect(body["candidates"]?[0]?["finishReason"] == "STOP")
        case .openAIResponses: #expect(body["status"] == "completed")
        }
        if client != .gemini { #expect(body["model"] == "client-alias") }
    }

    @Test func anthropicUsageSplitsCacheReadsAndWrites() throws {
        let usage = CanonicalUsage(inputTokens: 2420, cachedInputTokens: 2000, cacheWriteTokens: 300, outputTokens: 95, reasoningTokens: 40)
        let body = AnthropicCodec().encodeResponse(CanonicalResponse(id: "msg_1", model: "m", parts: [.text("hi")], finishReason: .stop, usage: usage), model: "m")
        #expect(body["usage"] == ["input_tokens": 120, "cache_creation_input_tokens": 300, "cache_read_input_tokens": 2000, "output_tokens": 95])
        let gemini = GeminiCodec().encodeResponse(CanonicalResponse(id: "r", model: "m", parts: [.text("hi")], usage: usage), model: "m")
        #expect(gemini["usageMetadata"]?["candidatesTokenCount"] == 55)
        #expect(gemini["usageMetadata"]?["thoughtsTokenCount"] == 40)
        let openai = OpenAIChatCodec().encodeResponse(CanonicalResponse(id: "r", model: "m", parts: [.text("hi")], usage: usage), model: "m")
        #expect(openai["usage"]?["prompt_tokens_details"]?["cached_tokens"] == 2000)
        #expect(openai["usage"]?["completion_tokens_details"]?["reasoning_tokens"] == 40)
    }

    static let reasons: [(FinishReason, String, String, String, String)] = [
        // canonical, OpenAI finish_reason, Anthropic stop_reason, Gemini finishReason, Responses status
        (.stop, "stop", "end_turn", "STOP", "completed"),
        (.length, "length", "max_tokens", "MAX_TOKENS", "incomplete"),
        (.toolCalls, "tool_calls", "tool_use", "STOP", "completed"),
        (.contentFilter, "content_filter", "refusal", "SAFETY", "incomplete"),
        (.stopSequence("END"), "stop", "stop_sequence", "STOP", "completed"),
    ]

    @Test(arguments: reasons)
    func finishReasonsMapBothWays(reason: FinishReason, openai: String, anthropic: String, gemini: String, responses: String) throws {
        var parts: [CanonicalPart] = [.text("x")]
        if reason == .toolCalls { parts.append(CanonicalPart(.toolCall(ToolCall(id: "call_1", name: "f", argumentsJSON: "{}")))) }
        let response = CanonicalResponse(id: "r", model: "m", parts: parts, finishReason: reason)
        let openAIBody = OpenAIChatCodec().encodeResponse(response, model: "m")
        #expect(openAIBody["choices"]?[0]?["finish_reason"]?.stringValue == openai)
        let anthropicBody = AnthropicCodec().encodeResponse(response, model: "m")
        #expect(anthropicBody["stop_reason"]?.stringValue == anthropic)
        #expect(GeminiCodec().encodeResponse(response, model: "m")["candidates"]?[0]?["finishReason"]?.stringValue == gemini)
        #expect(ResponsesCodec().encodeResponse(response, model: "m")["status"]?.stringValue == responses)
        // And back: what each format can say comes back the same.
        #expect(try AnthropicCodec().decodeResponse(anthropicBody).finishReason == (reason == .contentFilter ? .refusal : reason))
        if case .stopSequence = reason {} else {
            #expect(try OpenAIChatCodec().decodeResponse(openAIBody).finishReason == reason)
        }
    }

    @Test func providerStopReasonsDecode() throws {
        #expect(try GeminiCodec().decodeResponse(["candidates": [["content": ["parts": [["text": "x"]]], "finishReason": "MAX_TOKENS"]]]).finishReason == .length)
        #expect(try GeminiCodec().decodeResponse(["candidates": [["content": ["parts": []], "finishReason": "MALFORMED_FUNCTION_CALL"]]]).finishReason == .malformedToolCall)
        #expect(try GeminiCodec().decodeResponse(["candidates": [["finishReason": "PROHIBITED_CONTENT"]]]).finishReason == .contentFilter)
        #expect(try GeminiCodec().decodeResponse(["promptFeedback": ["blockReason": "SAFETY"]]).finishReason == .contentFilter)
        let incomplete: JSONValue = ["id": "resp_1", "status": "incomplete", "incomplete_details": ["reason": "max_output_tokens"], "output": []]
        #expect(try ResponsesCodec().decodeResponse(incomplete).finishReason == .length)
        let refusal: JSONValue = ["id": "c", "choices": [["message": ["role": "assistant", "content": .null, "refusal": "I can't help with that."], "finish_reason": "stop"]]]
        let decoded = try OpenAIChatCodec().decodeResponse(refusal)
        #expect(decoded.finishReason == .refusal)
        let anthropic = AnthropicCodec().encodeResponse(decoded, model: "m")
        #expect(anthropic["stop_reason"] == "refusal")
        #expect(anthropic["content"]?[0]?["text"] == "I can't help with that.")
        let anthropicStop: JSONValue = ["id": "msg_1", "content": [["type": "text", "text": "x"]], "stop_reason": "stop_sequence", "stop_sequence": "END"]
        #expect(try AnthropicCodec().decodeResponse(anthropicStop).finishReason == .stopSequence("END"))
    }
}
