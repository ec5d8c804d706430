import JunctionWire

extension OpenAIChatCodec {
    /// Canonical → a Chat Completions request.
    ///
    /// Tool results become `tool` messages (placed before the rest of their user turn; images in a result
    /// follow in a user message, since `tool` messages carry text only); thinking, signatures and cache
    /// marks are left out, as Chat Completions has no place for them. The output cap is sent as
    /// `max_completion_tokens` when reasoning is on (reasoning models reject `max_tokens`), else as `max_tokens`.
    public func encodeRequest(_ request: CanonicalRequest, upstreamModel: String, stream: Bool) throws -> JSONValue {
        try request.requireStateless(for: .openAIChat)
        var body = JSONObject()
        body["model"] = .string(upstreamModel)
        var messages: [JSONValue] = []
        if let system = request.systemText { messages.append(["role": "system", "content": .string(system)]) }
        for message in request.messages {
            switch message.role {
            case .assistant: if let encoded = Self.encodeAssistant(message) { messages.append(encoded) }
            case .user: messages += Self.encodeUser(message)
            }
        }
        body["messages"] = .array(messages)

        if !request.tools.isEmpty {
            body["tools"] = .array(request.tools.map { tool in
                ["type": "function", "function": .object([
                    ("name", .string(tool.name)), ("description", tool.description.map(JSONValue.string)),
                    ("parameters", tool.parameters), ("strict", tool.strict.map(JSONValue.bool)),
                ])]
            })
            body["parallel_tool_calls"] = request.parallelToolCalls.map(JSONValue.bool)
        }
        switch request.tools.isEmpty ? nil : request.toolChoice {
        case .auto?: body["tool_choice"] = "auto"
        case .none?: body["tool_choice"] = "none"
        case .required?: body["tool_choice"] = "required"
        case .tool(let name)?: body["tool_choice"] = ["type": "function", "function": ["name": .string(name)]]
        case nil: break
        }

        let effort = request.reasoning?.effectiveEffort
        if let maxTokens = request.parameters.maxTokens {
            body[effort == nil ? "max_tokens" : "max_completion_tokens"] = .int(maxTokens)
        }
        if let effort, effort != .none || request.extrasFormat == .openAIChat { body["reasoning_effort"] = .string(effort.rawValue) }
        body["temperature"] = request.parameters.temperature
        body["top_p"] = request.parameters.topP
        if !request.parameters.stopSequences.isEmpty { body["stop"] = .array(request.parameters.stopSequences.map(JSONValue.string)) }
        body["seed"] = request.parameters.seed
        body["presence_penalty"] = request.parameters.presencePenalty
        body["frequency_penalty"] = request.parameters.frequencyPenalty
        body["response_format"] = Self.responseFormatJSON(request.responseFormat)
        body["user"] = request.user.map(JSONValue.string)
        body["metadata"] = request.metadata.map(JSONValue.object)
        if stream {
            body["stream"] = true
            body["stream_options"] = ["include_usage": true]
        }
        body.merge(missingFrom: request.extras(for: .openAIChat))
        return .object(body)
    }

    static func responseFormatJSON(_ format: CanonicalResponseFormat?) -> JSONValue? {
        switch format {
        case nil: nil
        case .text?: ["type": "text"]
        case .jsonObject?: ["type": "json_object"]
        case .jsonSchema(let name, let schema, let strict, let description)?:
            ["type": "json_schema", "json_schema": .object([
                ("name", .string(name)), ("description", description.map(JSONValue.string)),
                ("schema", schema), ("strict", strict.map(JSONValue.bool)),
            ])]
        }
    }

    static func encodeAssistant(_ message: CanonicalMessage) -> JSONValue? {
        let text = message.parts.compactMap(\.text).joined()
        let calls: [JSONValue] = message.parts.compactMap { part in
            guard case .toolCall(let call) = part.content else { return nil }
            return ["id": .string(SignatureCarrier.plainID(call.id)), "type": "function",
                    "function": ["name": .string(call.name), "arguments": .string(call.argumentsJSON.isEmpty ? "{}" : call.argumentsJSON)]]
        }
        guard !text.isEmpty || !calls.isEmpty else { return nil }
        var object: JSONObject = ["role": "assistant", "content": text.isEmpty ? .null : .string(text)]
        if !calls.isEmpty { object["tool_calls"] = .array(calls) }
        return .object(object)
    }

    static func encodeUser(_ message: CanonicalMessage) -> [JSONValue] {
        var toolMessages: [JSONValue] = []
        var resultImages: [JSONValue] = []
        var content: [JSONValue] = []
        for part in message.parts {
            switch part.content {
            case .toolResult(let result):
                var text = result.content.compactMap(\.text).joined(separator: "\n")
                if result.isError, !text.hasPrefix("Error") { text = "Error: " + text }
                toolMessages.append(["role": "tool", "tool_call_id": .string(SignatureCarrier.plainID(result.callID)), "content": .string(text)])
                for inner in result.content { if case .image(let source) = inner.content { resultImages.append(imagePart(source)) } }
            case .text(let text): content.append(["type": "text", "text": .string(text)])
            case .image(let source): content.append(imagePart(source))
            case .toolCall, .thinking, .redactedThinking: continue
            }
        }
        var out = toolMessages
        if !resultImages.isEmpty { out.append(["role": "user", "content": .array(resultImages)]) }
        if !content.isEmpty {
            var user: JSONObject = ["role": "user"]
            if content.count == 1, let text = content[0]["text"]?.stringValue { user["content"] = .string(text) } else { user["content"] = .array(content) }
            if let name = message.name { user["name"] = .string(name) }
            out.append(.object(user))
        }
        return out
    }

    static func imagePart(_ source: ImageSource) -> JSONValue {
        ["type": "image_url", "image_url": ["url": .string(source.urlString)]]
    }
}
