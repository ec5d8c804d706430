import JunctionWire

extension AnthropicCodec {
    /// Canonical → a Messages request.
    ///
    /// Consecutive messages of one role are merged, with tool results first in a user turn; thinking is
    /// sent back only when it carries an Anthropic signature. With thinking on, `temperature` and `top_k`
    /// are left out and `top_p` below 0.95 is dropped, as the API requires; the budget is kept below
    /// `max_tokens`, and thinking is switched off when `max_tokens` leaves no room for the 1024-token
    /// minimum, or when the last assistant tool call has no thinking block to lead it.
    public func encodeRequest(_ request: CanonicalRequest, upstreamModel: String, stream: Bool) throws -> JSONValue {
        try request.requireStateless(for: .anthropic)
        var body = JSONObject()
        body["model"] = .string(upstreamModel)
        let messages = Self.encodeMessages(request.messages)
        let adaptive = request.extrasFormat == .anthropic && request.reasoning?.budgetTokens == -1
        var budget = adaptive ? nil : thinkingBudget(request)
        if budget != nil, Self.lastToolTurnLacksThinking(messages) { budget = nil }
        var maxTokens = request.parameters.maxTokens ?? Self.defaultMaxTokens
        if let wanted = budget {
            if request.parameters.maxTokens == nil { maxTokens = max(maxTokens, wanted + Self.defaultMaxTokens) }
            if maxTokens <= AnthropicWire.minimumThinkingBudget {
                budget = nil
            } else {
                budget = min(wanted, max(AnthropicWire.minimumThinkingBudget, maxTokens - AnthropicWire.minimumThinkingBudget))
            }
        }
        body["max_tokens"] = .int(maxTokens)

        var system = request.system
        if let instruction = Self.jsonInstruction(request.responseFormat) { system.append(.text(instruction)) }
        if !system.isEmpty {
            if system.count == 1, system[0].cacheMark == nil, let text = system[0].text {
                body["system"] = .string(text)
            } else {
                body["system"] = .array(system.compactMap { part in
                    guard let text = part.text, !text.isEmpty else { return nil }
                    return .object([("type", "text"), ("text", .string(text)), ("cache_control", Self.cacheControl(part.cacheMark))])
                })
            }
        }
        body["messages"] = .array(messages)

        var tools: [JSONValue] = request.tools.map { tool in
            .object([
                ("name", .string(tool.name)), ("description", tool.description.map(JSONValue.string)),
                ("input_schema", tool.parameters), ("cache_control", Self.cacheControl(tool.cacheMark)),
            ])
        }
        let extras = request.extras(for: .anthropic)
        tools += extras["tools"]?.elements ?? []
        if !tools.isEmpty { body["tools"] = .array(tools) }
        if let choice = Self.toolChoice(request.toolChoice, parallel: request.parallelToolCalls), !tools.isEmpty {
            body["tool_choice"] = choice
        }

        if !request.parameters.stopSequences.isEmpty { body["stop_sequences"] = .array(request.parameters.stopSequences.map(JSONValue.string)) }
        if adaptive {
            body["thinking"] = ["type": "adaptive"]
        } else if let budget {
            body["thinking"] = ["type": "enabled", "budget_tokens": .int(budget)]
            if let topP = request.parameters.topP, let value = topP.doubleValue, value >= 0.95 { body["top_p"] = topP }
        } else {
            if request.reasoning?.isDisabled == true, request.extrasFormat == .anthropic { body["thinking"] = ["type": "disabled"] }
            body["temperature"] = request.parameters.temperature.map { Self.clampTemperature($0) }
            body["top_p"] = request.parameters.topP
            body["top_k"] = request.parameters.topK
        }
        if let user = request.user { body["metadata"] = ["user_id": .string(user)] }
        if stream { body["stream"] = true }
        body.merge(missingFrom: extras.removing(["tools"]))
        return .object(body)
    }

    /// The thinking budget to ask for, or `nil` for none.
    private func thinkingBudget(_ request: CanonicalRequest) -> Int? {
        guard let reasoning = request.reasoning, !reasoning.isDisabled else { return nil }
        guard let budget = reasoning.effectiveBudget, budget > 0 else { return 8192 }
        return max(AnthropicWire.minimumThinkingBudget, budget)
    }

    /// Anthropic's temperature range is 0…1; OpenAI's goes to 2.
    static func clampTemperature(_ value: JSONValue) -> JSONValue {
        guard let number = value.doubleValue, number > 1 else { return value }
        return 1
    }

    static func jsonInstruction(_ format: CanonicalResponseFormat?) -> String? {
        switch format {
        case .jsonObject?: "Respond with a single valid JSON object and nothing else."
        case .jsonSchema(_, let schema, _, _)?:
            "Respond with a single valid JSON value that conforms to this JSON Schema, and nothing else:\n" + schema.serializedString()
        case .text?, nil: nil
        }
    }

    static func toolChoice(_ choice: CanonicalToolChoice?, parallel: Bool?) -> JSONValue? {
        var object: JSONObject
        switch choice {
        case .auto?: object = ["type": "auto"]
        case .none?: object = ["type": "none"]
        case .required?: object = ["type": "any"]
        case .tool(let name)?: object = ["type": "tool", "name": .string(name)]
        case nil:
            guard parallel == false else { return nil }
            object = ["type": "auto"]
        }
        if parallel == false, choice != CanonicalToolChoice.none { object["disable_parallel_tool_use"] = true }
        return .object(object)
    }

    static func lastToolTurnLacksThinking(_ messages: [JSONValue]) -> Bool {
        guard let last = messages.last(where: { $0["role"]?.stringValue == "assistant" }) else { return false }
        let blocks = last["content"]?.elements ?? []
        guard blocks.contains(where: { $0["type"]?.stringValue == "tool_use" }) else { return false }
        let first = blocks.first?["type"]?.stringValue
        return first != "thinking" && first != "redacted_thinking"
    }

    static func encodeMessages(_ messages: [CanonicalMessage]) -> [JSONValue] {
        var merged: [(role: CanonicalRole, blocks: [JSONValue])] = []
        for message in messages {
            let blocks = message.parts.compactMap(encodeBlock)
            guard !blocks.isEmpty else { continue }
            if let last = merged.last, last.role == message.role {
                merged[merged.count - 1].blocks += blocks
            } else {
                merged.append((message.role, blocks))
            }
        }
        return merged.map { turn in
            var blocks = turn.blocks
            if turn.role == .user {
                let results = blocks.filter { $0["type"]?.stringValue == "tool_result" }
                blocks = results + blocks.filter { $0["type"]?.stringValue != "tool_result" }
            }
            return ["role": .string(turn.role.rawValue), "content": .array(blocks)]
        }
    }

    static func encodeBlock(_ part: CanonicalPart) -> JSONValue? {
        let cache = cacheControl(part.cacheMark)
        switch part.content {
        case .text(let text):
            guard !text.isEmpty else { return nil }
            return .object([("type", "text"), ("text", .string(text)), ("cache_control", cache)])
        case .image(let source):
            return .object([("type", "image"), ("source", imageSource(source)), ("cache_control", cache)])
        case .toolCall(let call):
            return .object([
                ("type", "tool_use"), ("id", .string(toolID(call.id))), ("name", .string(call.name)),
                ("input", JSONValue.arguments(call.argumentsJSON)), ("cache_control", cache),
            ])
        case .toolResult(let result):
            let content: JSONValue
            let inner = result.content.compactMap(encodeBlock)
            if result.content.allSatisfy({ $0.text != nil && $0.cacheMark == nil }) {
                content = .string(result.content.compactMap(\.text).joined(separator: "\n"))
            } else {
                content = .array(inner)
            }
            return .object([
                ("type", "tool_result"), ("tool_use_id", .string(toolID(result.callID))), ("content", content),
                ("is_error", result.isError ? true : nil), ("cache_control", cache),
            ])
        case .thinking(let thinking):
            guard thinking.origin == .anthropic, let signature = thinking.signature, !signature.isEmpty else { return nil }
            return .object([("type", "thinking"), ("thinking", .string(thinking.text)), ("signature", .string(signature)), ("cache_control", cache)])
        case .redactedThinking(let data):
            return .object([("type", "redacted_thinking"), ("data", .string(data)), ("cache_control", cache)])
        }
    }

    static func imageSource(_ source: ImageSource) -> JSONValue {
        switch source {
        case .base64(let mediaType, let data): ["type": "base64", "media_type": .string(mediaType), "data": .string(data)]
        case .url(let url): ["type": "url", "url": .string(url)]
        }
    }
}
