import JunctionTranslate
import JunctionWire
import Testing

/// Every client request, translated for every provider and read back, keeps what must survive.
@Suite struct RequestMatrixTests {
    @Test(arguments: allPairs)
    func requestSurvivesTranslation(client: APIFormat, provider: APIFormat) throws {
        let original = try Codecs.codec(for: client).decodeRequest(Fixture.request(client))
        let body = try Codecs.codec(for: provider).encodeRequest(original, upstreamModel: "upstream-model", stream: false)
        let back = try Codecs.codec(for: provider).decodeRequest(body)

        if provider != .gemini { #expect(body["model"]?.stringValue == "upstream-model") }
        let system = try #require(back.systemText)
        #expect(system.contains("careful weather assistant"))
        #expect(system.contains("metric units"))
        #expect(back.userText.contains("What is the weather in Paris"))

        // Images survive as inline data.
        #expect(back.images.count == 1)
        if case .base64(let mediaType, let data)? = back.images.first {
            #expect(mediaType == "image/png")
            #expect(data.hasPrefix("iVBORw0KGgo"))
        } else {
            Issue.record("image lost or not inline: \(back.images)")
        }

        // Parallel tool calls keep names and arguments; every result pairs with a call.
        #expect(back.toolCalls.map(\.name) == ["get_weather", "get_weather"])
        #expect(back.toolCalls.map { parsed($0.argumentsJSON)?["location"] } == ["Paris, France", "Tokyo, Japan"])
        #expect(Set(back.toolCalls.map(\.id)).count == 2)
        #expect(back.toolResults.count == 2)
        let callIDs = back.toolCalls.map { SignatureCarrier.plainID($0.id) }
        #expect(back.toolResults.map { SignatureCarrier.plainID($0.callID) } == callIDs)
        #expect(back.toolResults.first?.text.contains("15 degrees") == true)
        #expect(back.toolResults.last?.text.contains("Service unavailable") == true)
        if client == .anthropic {
            // is_error survives where the target can say it, and becomes an "Error:" prefix where it cannot.
            if provider == .anthropic || provider == .gemini { #expect(back.toolResults.last?.isError == true) }
            else { #expect(back.toolResults.last?.text.hasPrefix("Error") == true) }
        }

        // Tool definitions keep their schema; tool choice and limits survive.
        #expect(back.tools.map(\.name) == ["get_weather"])
        #expect(back.tools.first?.parameters["properties"]?["location"]?["type"] == "string")
        #expect(back.tools.first?.parameters["required"] == ["location"])
        #expect(back.toolChoice == .auto)
        #expect(back.parameters.maxTokens == 16000)
        if client != .openAIResponses, provider != .openAIResponses {
            #expect(back.parameters.stopSequences == ["\n\nHuman:"])
        }
        if client != .gemini, provider != .gemini { #expect(back.user == "user-7f3a") }

        // Reasoning survives, except to Anthropic in a tool loop whose last call has no signed thinking.
        if provider != .anthropic || client == .anthropic {
            let reasoning = try #require(back.reasoning)
            #expect(!reasoning.isDisabled)
            #expect(reasoning.effectiveBudget ?? 0 >= 8192)
        } else {
            #expect(back.reasoning == nil)
            #expect(body["temperature"] == 1)
        }
    }

    @Test(arguments: APIFormat.allCases)
    func samplingAndFormatParameters(provider: APIFormat) throws {
        let request = CanonicalRequest(
            model: "m", system: [.text("Be terse.")], messages: [CanonicalMessage(role: .user, parts: [.text("List three colours.")])],
            parameters: GenerationParameters(maxTokens: 512, temperature: 0.3, topP: 0.9, topK: 40, stopSequences: ["END"]),
            responseFormat: .jsonSchema(name: "colours", schema: ["type": "object", "properties": ["colours": ["type": "array"]]], strict: true, description: nil),
            user: "u-1")
        let body = try Codecs.codec(for: provider).encodeRequest(request, upstreamModel: "x", stream: true)
        let back = try Codecs.codec(for: provider).decodeRequest(body)
        #expect(back.parameters.maxTokens == 512)
        #expect(back.parameters.temperature?.doubleValue == 0.3)
        #expect(back.parameters.topP?.doubleValue == 0.9)
        if provider == .anthropic || provider == .gemini { #expect(back.parameters.topK?.intValue == 40) }
        switch provider {
        case .openAIChat:
            #expect(body["max_tokens"] == 512)
            #expect(body["stream_options"]?["include_usage"] == true)
            #expect(back.responseFormat == request.responseFormat)
        case .openAIResponses:
            #expect(body["max_output_tokens"] == 512)
            #expect(back.responseFormat == request.responseFormat)
        case .gemini:
            #expect(body["generationConfig"]?["maxOutputTokens"] == 512)
            #expect(body["generationConfig"]?["responseMimeType"] == "application/json")
            #expect(body["generationConfig"]?["responseJsonSchema"]?["properties"]?["colours"] != nil)
            #expect(body["stream"] == nil)
        case .anthropic:
            #expect(body["max_tokens"] == 512)
            #expect(back.systemText?.contains("JSON Schema") == true)
            #expect(body["stream"] == true)
        }
    }

    @Test(arguments: [
        (CanonicalToolChoice.auto, APIFormat.openAIChat), (.none, .openAIChat), (.required, .openAIChat), (.tool("get_weather"), .openAIChat),
        (.auto, .anthropic), (.none, .anthropic), (.required, .anthropic), (.tool("get_weather"), .anthropic),
        (.auto, .gemini), (.none, .gemini), (.required, .gemini), (.tool("get_weather"), .gemini),
        (.auto, .openAIResponses), (.none, .openAIResponses), (.required, .openAIResponses), (.tool("get_weather"), .openAIResponses),
    ])
    func toolChoiceSurvives(choice: CanonicalToolChoice, provider: APIFormat) throws {
        let request = CanonicalRequest(
            model: "m", messages: [CanonicalMessage(role: .user, parts: [.text("hi")])],
            tools: [CanonicalTool(name: "get_weather", parameters: ["type": "object"])], toolChoice: choice)
        let body = try Codecs.codec(for: provider).encodeRequest(request, upstreamModel: "x", stream: false)
        #expect(try Codecs.codec(for: provider).decodeRequest(body).toolChoice == choice)
    }

    @Test(arguments: APIFormat.allCases)
    func wireSpellingsOfToolChoice(provider: APIFormat) throws {
        let request = CanonicalRequest(
            model: "m", messages: [CanonicalMessage(role: .user, parts: [.text("hi")])],
            tools: [CanonicalTool(name: "f")], toolChoice: .required)
        let body = try Codecs.codec(for: provider).encodeRequest(request, upstreamModel: "x", stream: false)
        switch provider {
        case .openAIChat, .openAIResponses: #expect(body["tool_choice"] == "required")
        case .anthropic: #expect(body["tool_choice"]?["type"] == "any")
        case .gemini: #expect(body["toolConfig"]?["functionCallingConfig"]?["mode"] == "ANY")
        }
    }

    @Test(arguments: [APIFormat.openAIChat, .openAIResponses, .anthropic])
    func imageURLToGeminiFailsClearly(client: APIFormat) throws {
        let request = CanonicalRequest(model: "m", messages: [CanonicalMessage(role: .user, parts: [CanonicalPart(.image(.url("https://example.com/cat.png")))])])
        #expect(throws: TranslationError.self) {
            try Codecs.codec(for: .gemini).encodeRequest(request, upstreamModel: "gemini-2.5-pro", stream: false)
        }
        do {
            _ = try Codecs.codec(for: .gemini).encodeRequest(request, upstreamModel: "gemini-2.5-pro", stream: false)
        } catch let error as TranslationError {
            #expect(error.isUnsupported)
            #expect(error.message.contains("inline"))
            #expect(error.status == 400)
        }
        // Other targets pass the URL on for the provider to fetch.
        let body = try Codecs.codec(for: client).encodeRequest(request, upstreamModel: "x", stream: false)
        #expect(body.serializedString().contains("https://example.com/cat.png"))
    }

    @Test func previousResponseIDIsRejectedForOtherTargets() throws {
        let body: JSONValue = ["model": "o4-mini", "previous_response_id": "resp_123", "input": "and then?"]
        let request = try ResponsesCodec().decodeRequest(body)
        #expect(throws: TranslationError.self) { try AnthropicCodec().encodeRequest(request, upstreamModel: "c", stream: false) }
        let same = try ResponsesCodec().encodeRequest(request, upstreamModel: "o4-mini", stream: false)
        #expect(same["previous_response_id"] == "resp_123")
    }

    @Test func consecutiveToolResultsMergeIntoOneAnthropicUserTurn() throws {
        let body = try AnthropicCodec().encodeRequest(OpenAIChatCodec().decodeRequest(Fixture.request(.openAIChat)), upstreamModel: "c", stream: false)
        let messages = try #require(body["messages"]?.arrayValue)
        #expect(messages.map { $0["role"]?.stringValue ?? "" } == ["user", "assistant", "user"])
        #expect(messages[2]["content"]?.arrayValue?.map { $0["type"]?.stringValue ?? "" } == ["tool_result", "tool_result"])
    }

    @Test func unknownFieldsPassOnlyToTheSameFormat() throws {
        var fixture = try Fixture.request(.openAIChat)
        fixture["logit_bias"] = ["50256": -100]
        let request = try OpenAIChatCodec().decodeRequest(fixture)
        #expect(try OpenAIChatCodec().encodeRequest(request, upstreamModel: "x", stream: false)["logit_bias"] != nil)
        #expect(try AnthropicCodec().encodeRequest(request, upstreamModel: "x", stream: false)["logit_bias"] == nil)
    }
}

/// Smaller request rules.
@Suite struct RequestRuleTests {
    @Test(arguments: APIFormat.allCases)
    func toolChoiceWithoutToolsIsLeftOut(provider: APIFormat) throws {
        let request = CanonicalRequest(model: "m", messages: [CanonicalMessage(role: .user, parts: [.text("hi")])], toolChoice: CanonicalToolChoice.none)
        let text = try Codecs.codec(for: provider).encodeRequest(request, upstreamModel: "x", stream: false).serializedString()
        #expect(!text.contains("tool_choice") && !text.contains("toolConfig"))
    }

    @Test func geminiCallIDsPairWithResponsesByIDOrName() throws {
        let body: JSONValue = ["contents": [
            ["role": "user", "parts": [["text": "go"]]],
            ["role": "model", "parts": [
                ["functionCall": ["id": "fc-1", "name": "a", "args": [:]], "thoughtSignature": "c2ln"],
                ["functionCall": ["name": "b", "args": ["x": 1]]],
            ]],
            ["role": "user", "parts": [
                ["functionResponse": ["name": "b", "response": ["output": "B"]]],
                ["functionResponse": ["id": "fc-1", "name": "a", "response": ["result": "A"]]],
            ]],
        ]]
        let request = try GeminiCodec().decodeRequest(body)
        let anthropic = try AnthropicCodec().encodeRequest(request, upstreamModel: "c", stream: false)
        let uses = (anthropic["messages"]?[1]?["content"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        let results = (anthropic["messages"]?[2]?["content"]?.arrayValue ?? []).compactMap { $0["tool_use_id"]?.stringValue }
        #expect(uses == ["fc-1", "call_1_1"])
        #expect(results == ["call_1_1", "fc-1"])
        // Back to Gemini: the signature returns to its call, and each response keeps its name.
        let gemini = try GeminiCodec().encodeRequest(request, upstreamModel: "gemini-2.5-flash", stream: false)
        #expect(gemini["contents"]?[1]?["parts"]?[0]?["thoughtSignature"] == "c2ln")
        #expect(gemini["contents"]?[2]?["parts"]?[0]?["functionResponse"]?["name"] == "b")
        #expect(gemini["contents"]?[2]?["parts"]?[0]?["functionResponse"]?["response"] == ["output": "B"])
    }

    @Test func anthropicRequiresAnOutputCap() throws {
        let request = CanonicalRequest(model: "m", messages: [CanonicalMessage(role: .user, parts: [.text("hi")])])
        #expect(try AnthropicCodec().encodeRequest(request, upstreamModel: "c", stream: false)["max_tokens"] == 8192)
    }

    @Test(arguments: [("max_tokens", 300), ("max_completion_tokens", 400)])
    func everyMaxTokensSpellingIsRead(field: String, value: Int) throws {
        let body: JSONValue = .object(JSONObject([
            .init(key: "model", value: "gpt"), .init(key: "messages", value: [["role": "user", "content": "hi"]]), .init(key: field, value: .int(value)),
        ]))
        let request = try OpenAIChatCodec().decodeRequest(body)
        #expect(request.parameters.maxTokens == value)
        #expect(try GeminiCodec().encodeRequest(request, upstreamModel: "g", stream: false)["generationConfig"]?["maxOutputTokens"]?.intValue == value)
        #expect(try ResponsesCodec().encodeRequest(request, upstreamModel: "o", stream: false)["max_output_tokens"]?.intValue == value)
        #expect(try AnthropicCodec().encodeRequest(request, upstreamModel: "c", stream: false)["max_tokens"]?.intValue == value)
    }
}
