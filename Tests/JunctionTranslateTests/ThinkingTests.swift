import JunctionTranslate
import JunctionWire
import Testing

/// Reasoning settings map between formats, and signed reasoning comes back to its provider unchanged.
@Suite struct ThinkingTests {
    static let anthropicSignature = "EqQBCkgIARABGAIiQL2u7sZtl0mIi/0Kq+LKNJ5c8m2FqN9tVBTbC6bPz0k5G8k3P7n6H1Fh0Jc1nC2wD8z4pG4mQhQ0T8o9zP2b8BIMbm9uY2UtdmFsdWU="
    static let redactedData = "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP"
    static let geminiSignature = "CiwBVKhc7nW2+zXhJ8u/2aX1oQ=="

    @Test func anthropicThinkingAndRedactedThinkingPassVerbatim() throws {
        let body = try Codecs.translateRequest(Fixture.request(.anthropic), from: .anthropic, to: .anthropic, upstreamModel: "claude", stream: false)
        let assistant = try #require(body["messages"]?[1]?["content"]?.arrayValue)
        #expect(assistant[0]["type"] == "thinking")
        #expect(assistant[0]["signature"]?.stringValue == Self.anthropicSignature)
        #expect(assistant[0]["thinking"]?.stringValue == "The user wants two cities. I should call get_weather twice in parallel.")
        #expect(assistant[1] == ["type": "redacted_thinking", "data": .string(Self.redactedData)])
        #expect(body["thinking"] == ["type": "enabled", "budget_tokens": 10000])
        #expect(body["temperature"] == nil)
    }

    @Test(arguments: [APIFormat.openAIChat, .openAIResponses, .gemini])
    func anthropicSignaturesAreNeverSentToOtherProviders(provider: APIFormat) throws {
        let body = try Codecs.translateRequest(Fixture.request(.anthropic), from: .anthropic, to: provider, upstreamModel: "m", stream: false)
        let text = body.serializedString()
        #expect(!text.contains(Self.anthropicSignature))
        #expect(!text.contains(Self.redactedData))
    }

    /// Turn 1: Anthropic answers a client of another format; turn 2: that client sends the history back.
    @Test(arguments: [APIFormat.openAIResponses, .gemini, .anthropic])
    func anthropicSignatureSurvivesARoundTripThroughAnotherClientFormat(client: APIFormat) throws {
        let answer = try AnthropicCodec().decodeResponse(Fixture.response(.anthropic))
        let shown = Codecs.codec(for: client).encodeResponse(answer, model: "alias")
        // The client's next request carries the assistant turn back.
        let history = try assistantTurn(from: shown, client: client)
        let request = try Codecs.codec(for: client).decodeRequest(history)
        let upstream = try AnthropicCodec().encodeRequest(request, upstreamModel: "claude", stream: false)
        let assistant = try #require(upstream["messages"]?.arrayValue?.first { $0["role"] == "assistant" })
        let blocks = try #require(assistant["content"]?.arrayValue)
        if client == .gemini {
            // Gemini clients have no place for a foreign signature: the thinking is dropped, and so is thinking.
            #expect(blocks.first?["type"] == "text")
        } else {
            #expect(blocks.first?["type"] == "thinking")
            #expect(blocks.first?["signature"]?.stringValue == Self.anthropicSignature)
        }
    }

    @Test func responsesEncryptedReasoningGoesBackOnlyToResponses() throws {
        let request = try ResponsesCodec().decodeRequest(Fixture.request(.openAIResponses))
        #expect(request.thinkings.first?.signature == "gAAAAABoISQ24OyVRYbkYfukWpn4ZpSwyxN8gcvAZ2wQ==")
        let same = try ResponsesCodec().encodeRequest(request, upstreamModel: "o4-mini", stream: false)
        let reasoning = try #require(same["input"]?.arrayValue?.first { $0["type"] == "reasoning" })
        #expect(reasoning["encrypted_content"] == "gAAAAABoISQ24OyVRYbkYfukWpn4ZpSwyxN8gcvAZ2wQ==")
        #expect(reasoning["id"] == "rs_6820f383d7c08191846711c5df8233bc")
        let other = try AnthropicCodec().encodeRequest(request, upstreamModel: "claude", stream: false)
        #expect(!other.serializedString().contains("gAAAAABo"))
    }

    /// Gemini's function-call signature rides in the tool id through clients of other formats.
    @Test(arguments: [APIFormat.openAIChat, .anthropic, .openAIResponses])
    func geminiThoughtSignatureSurvivesAcrossTurns(client: APIFormat) throws {
        let answer = try GeminiCodec().decodeResponse(Fixture.response(.gemini))
        let calls = answer.toolCalls
        #expect(calls.count == 2)
        #expect(calls[0].id != calls[1].id)
        let shown = Codecs.codec(for: client).encodeResponse(answer, model: "alias")
        var history = try assistantTurn(from: shown, client: client)
        history = try appendToolResults(to: history, client: client, ids: try toolIDs(in: shown, client: client))
        let request = try Codecs.codec(for: client).decodeRequest(history)

        let gemini = try GeminiCodec().encodeRequest(request, upstreamModel: "gemini-2.5-pro", stream: false)
        let model = try #require(gemini["contents"]?.arrayValue?.first { $0["role"] == "model" })
        let callParts = (model["parts"]?.arrayValue ?? []).filter { $0["functionCall"] != nil }
        #expect(callParts.count == 2)
        #expect(callParts[0]["thoughtSignature"]?.stringValue == Self.geminiSignature)
        let responses = (gemini["contents"]?.arrayValue?.last?["parts"]?.arrayValue ?? []).compactMap { $0["functionResponse"] }
        #expect(responses.map { $0["name"] } == ["get_weather", "get_weather"])

        // Other providers see plain ids, paired.
        let openai = try OpenAIChatCodec().encodeRequest(request, upstreamModel: "gpt", stream: false)
        let text = openai.serializedString()
        #expect(!text.contains("_jsig_"))
        let back = try OpenAIChatCodec().decodeRequest(openai)
        #expect(back.toolResults.map(\.callID) == back.toolCalls.map(\.id))
    }

    @Test func toolIDsFromGeminiAreUniqueAcrossTurns() throws {
        let first = try GeminiCodec().decodeResponse(Fixture.response(.gemini)).toolCalls.map(\.id)
        let second = try GeminiCodec().decodeResponse(Fixture.response(.gemini)).toolCalls.map(\.id)
        #expect(Set(first + second).count == 4)
    }

    @Test(arguments: [
        (ReasoningConfig.Effort.minimal, 1024), (.low, 4096), (.medium, 8192), (.high, 16384), (.xhigh, 32768),
    ])
    func effortMapsToAnthropicBudget(effort: ReasoningConfig.Effort, budget: Int) throws {
        let request = CanonicalRequest(model: "m", messages: [CanonicalMessage(role: .user, parts: [.text("think")])], reasoning: ReasoningConfig(effort: effort))
        let body = try AnthropicCodec().encodeRequest(request, upstreamModel: "claude", stream: false)
        #expect(body["thinking"]?["budget_tokens"]?.intValue == budget)
        #expect(body["max_tokens"]?.intValue ?? 0 > budget)
        let gemini = try GeminiCodec().encodeRequest(request, upstreamModel: "gemini-2.5-pro", stream: false)
        #expect(gemini["generationConfig"]?["thinkingConfig"]?["thinkingBudget"]?.intValue == budget)
        #expect(gemini["generationConfig"]?["thinkingConfig"]?["includeThoughts"] == true)
    }

    @Test(arguments: [(1024, "minimal"), (2048, "low"), (10000, "medium"), (16000, "high"), (64000, "high")])
    func anthropicBudgetMapsToOpenAIEffort(budget: Int, effort: String) throws {
        let body: JSONValue = ["model": "c", "max_tokens": 70000, "thinking": ["type": "enabled", "budget_tokens": .int(budget)],
                               "messages": [["role": "user", "content": "think"]]]
        let openai = try Codecs.translateRequest(body, from: .anthropic, to: .openAIChat, upstreamModel: "o3", stream: false)
        #expect(openai["reasoning_effort"]?.stringValue == effort)
        #expect(openai["max_completion_tokens"] == 70000)
        let responses = try Codecs.translateRequest(body, from: .anthropic, to: .openAIResponses, upstreamModel: "o3", stream: false)
        #expect(responses["reasoning"]?["effort"]?.stringValue == effort)
    }

    @Test func budgetIsKeptBelowMaxTokens() throws {
        let small = CanonicalRequest(model: "m", messages: [CanonicalMessage(role: .user, parts: [.text("x")])],
                                     parameters: GenerationParameters(maxTokens: 4000), reasoning: ReasoningConfig(effort: .high))
        let body = try AnthropicCodec().encodeRequest(small, upstreamModel: "c", stream: false)
        #expect(body["max_tokens"] == 4000)
        #expect(body["thinking"]?["budget_tokens"] == 2976)
        var tiny = small
        tiny.parameters.maxTokens = 900
        #expect(try AnthropicCodec().encodeRequest(tiny, upstreamModel: "c", stream: false)["thinking"] == nil)
    }

    @Test func adaptiveThinkingStaysAdaptiveForAnthropic() throws {
        let body: JSONValue = ["model": "c", "max_tokens": 4000, "thinking": ["type": "adaptive"], "messages": [["role": "user", "content": "x"]]]
        let same = try Codecs.translateRequest(body, from: .anthropic, to: .anthropic, upstreamModel: "c", stream: false)
        #expect(same["thinking"] == ["type": "adaptive"])
        let gemini = try Codecs.translateRequest(body, from: .anthropic, to: .gemini, upstreamModel: "gemini-2.5-pro", stream: false)
        #expect(gemini["generationConfig"]?["thinkingConfig"]?["thinkingBudget"] == -1)
        let openai = try Codecs.translateRequest(body, from: .anthropic, to: .openAIChat, upstreamModel: "o3", stream: false)
        #expect(openai["reasoning_effort"] == "medium")
    }

    @Test func geminiThreeUsesThinkingLevel() throws {
        let request = CanonicalRequest(model: "m", messages: [CanonicalMessage(role: .user, parts: [.text("x")])], reasoning: ReasoningConfig(effort: .low))
        let body = try GeminiCodec().encodeRequest(request, upstreamModel: "gemini-3-pro-preview", stream: false)
        #expect(body["generationConfig"]?["thinkingConfig"]?["thinkingLevel"] == "low")
        let back = try GeminiCodec().decodeRequest(body)
        #expect(back.reasoning?.effort == .low)
    }

    @Test func reasoningTextIsSurfacedToEveryClient() throws {
        let answer = try AnthropicCodec().decodeResponse(Fixture.response(.anthropic))
        let openai = OpenAIChatCodec().encodeResponse(answer, model: "m")
        #expect(openai["choices"]?[0]?["message"]?["reasoning_content"] == "I need the weather for both cities.")
        let responses = ResponsesCodec().encodeResponse(answer, model: "m")
        #expect(responses["output"]?[0]?["summary"]?[0]?["text"] == "I need the weather for both cities.")
        let gemini = GeminiCodec().encodeResponse(answer, model: "m")
        #expect(gemini["candidates"]?[0]?["content"]?["parts"]?[0] == ["text": "I need the weather for both cities.", "thought": true])
    }

    // MARK: helpers that play the client's next turn

    /// A request body of `client` format whose history holds the assistant turn of `shown`.
    func assistantTurn(from shown: JSONValue, client: APIFormat) throws -> JSONValue {
        switch client {
        case .anthropic:
            return ["model": "alias", "max_tokens": 1000, "messages": [["role": "user", "content": "weather?"], ["role": "assistant", "content": shown["content"] ?? []]]]
        case .openAIChat:
            var message = shown["choices"]?[0]?["message"] ?? [:]
            message["refusal"] = nil
            return ["model": "alias", "messages": [["role": "user", "content": "weather?"], message]]
        case .openAIResponses:
            return ["model": "alias", "input": .array([["role": "user", "content": "weather?"]] + (shown["output"]?.arrayValue ?? []))]
        case .gemini:
            return ["contents": [["role": "user", "parts": [["text": "weather?"]]], shown["candidates"]?[0]?["content"] ?? [:]]]
        }
    }

    func toolIDs(in shown: JSONValue, client: APIFormat) throws -> [String] {
        switch client {
        case .anthropic: (shown["content"]?.arrayValue ?? []).filter { $0["type"] == "tool_use" }.compactMap { $0["id"]?.stringValue }
        case .openAIChat: (shown["choices"]?[0]?["message"]?["tool_calls"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        case .openAIResponses: (shown["output"]?.arrayValue ?? []).filter { $0["type"] == "function_call" }.compactMap { $0["call_id"]?.stringValue }
        case .gemini: []
        }
    }

    func appendToolResults(to body: JSONValue, client: APIFormat, ids: [String]) throws -> JSONValue {
        var body = body
        switch client {
        case .anthropic:
            let results: [JSONValue] = ids.map { ["type": "tool_result", "tool_use_id": .string($0), "content": "12 degrees"] }
            body["messages"] = .array((body["messages"]?.arrayValue ?? []) + [["role": "user", "content": .array(results)]])
        case .openAIChat:
            let results: [JSONValue] = ids.map { ["role": "tool", "tool_call_id": .string($0), "content": "12 degrees"] }
            body["messages"] = .array((body["messages"]?.arrayValue ?? []) + results)
        case .openAIResponses:
            let results: [JSONValue] = ids.map { ["type": "function_call_output", "call_id": .string($0), "output": "12 degrees"] }
            body["input"] = .array((body["input"]?.arrayValue ?? []) + results)
        case .gemini: break
        }
        return body
    }
}
