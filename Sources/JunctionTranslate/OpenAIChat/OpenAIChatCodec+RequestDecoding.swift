import JunctionWire

extension OpenAIChatCodec {
    static let knownRequestKeys: Set<String> = [
        "model", "messages", "tools", "tool_choice", "parallel_tool_calls", "max_tokens", "max_completion_tokens",
        "temperature", "top_p", "top_k", "stop", "seed", "presence_penalty", "frequency_penalty", "reasoning_effort",
        "reasoning", "response_format", "user", "metadata", "stream", "stream_options", "functions", "function_call",
    ]

    /// A Chat Completions request → canonical.
    public func decodeRequest(_ body: JSONValue) throws -> CanonicalRequest {
        guard let object = body.objectValue else { throw TranslationError.invalidBody("request body must be a JSON object") }
        guard let messages = body["messages"]?.arrayValue else { throw TranslationError.missingField("messages") }
        var request = CanonicalRequest(model: body["model"]?.stringValue ?? "")
        request.stream = body["stream"]?.boolValue ?? false
        request.includeStreamUsage = body["stream_options"]?["include_usage"]?.boolValue
        request.extras = object.removing(Self.knownRequestKeys)
        request.extrasFormat = .openAIChat

        for message in messages {
            let role = message["role"]?.stringValue ?? "user"
            switch role {
            case "system", "developer":
                request.system += try Self.decodeContent(message["content"])
            case "assistant":
                request.messages.append(Self.decodeAssistant(message))
            case "tool", "function":
                let id = message["tool_call_id"]?.stringValue ?? message["name"]?.stringValue ?? ""
                let result = ToolResult(callID: id, content: try Self.decodeContent(message["content"]))
                if let last = request.messages.last, last.role == .user, last.parts.allSatisfy({ if case .toolResult = $0.content { true } else { false } }) {
                    request.messages[request.messages.count - 1].parts.append(CanonicalPart(.toolResult(result)))
                } else {
                    request.messages.append(CanonicalMessage(role: .user, parts: [CanonicalPart(.toolResult(result))]))
                }
            default:
                request.messages.append(CanonicalMessage(role: .user, parts: try Self.decodeContent(message["content"]), name: message["name"]?.stringValue))
            }
        }

        for tool in body["tools"]?.elements ?? [] {
            guard let function = tool["function"], let name = function["name"]?.stringValue else { continue }
            request.tools.append(CanonicalTool(
                name: name, description: function["description"]?.stringValue,
                parameters: function["parameters"] ?? ["type": "object", "properties": [:]],
                strict: function["strict"]?.boolValue, cacheMark: AnthropicCodec.cacheMark(tool["cache_control"])))
        }
        if let choice = body["tool_choice"] {
            switch choice.stringValue {
            case "auto"?: request.toolChoice = .auto
            case "none"?: request.toolChoice = CanonicalToolChoice.none
            case "required"?: request.toolChoice = .required
            default:
                if let name = choice["function"]?["name"]?.stringValue { request.toolChoice = .tool(name) }
            }
        }
        request.parallelToolCalls = body["parallel_tool_calls"]?.boolValue

        var stops: [String] = []
        if let stop = body["stop"]?.stringValue { stops = [stop] } else { stops = body["stop"]?.elements.compactMap(\.stringValue) ?? [] }
        request.parameters = GenerationParameters(
            maxTokens: body["max_completion_tokens"]?.intValue ?? body["max_tokens"]?.intValue,
            temperature: body["temperature"], topP: body["top_p"], topK: body["top_k"], stopSequences: stops,
            seed: body["seed"], presencePenalty: body["presence_penalty"], frequencyPenalty: body["frequency_penalty"])

        if let effort = body["reasoning_effort"]?.stringValue {
            request.reasoning = ReasoningConfig(effort: ReasoningConfig.Effort(rawValue: effort) ?? .medium)
        } else if let reasoning = body["reasoning"], reasoning.objectValue != nil {
            request.reasoning = ReasoningConfig(
                effort: reasoning["effort"]?.stringValue.flatMap(ReasoningConfig.Effort.init(rawValue:)),
                budgetTokens: reasoning["max_tokens"]?.intValue ?? (reasoning["enabled"]?.boolValue == false ? 0 : nil))
        }
        request.responseFormat = Self.decodeResponseFormat(body["response_format"])
        request.user = body["user"]?.stringValue
        request.metadata = body["metadata"]?.objectValue
        return request
    }

    static func decodeResponseFormat(_ value: JSONValue?) -> CanonicalResponseFormat? {
        switch value?["type"]?.stringValue {
        case "text": return .text
        case "json_object": return .jsonObject
        case "json_schema":
            let schema = value?["json_schema"]
            return .jsonSchema(
                name: schema?["name"]?.stringValue ?? "response", schema: schema?["schema"] ?? [:],
                strict: schema?["strict"]?.boolValue, description: schema?["description"]?.stringValue)
        default: return nil
        }
    }

    static func decodeAssistant(_ message: JSONValue) -> CanonicalMessage {
        var parts: [CanonicalPart] = []
        if let reasoning = message["reasoning_content"]?.stringValue ?? message["reasoning"]?.stringValue, !reasoning.isEmpty {
            parts.append(CanonicalPart(.thinking(Thinking(text: reasoning))))
        }
        if let content = message["content"] {
            if let text = content.stringValue {
                parts.append(.text(text))
            } else {
                for part in content.elements {
                    if let text = part["text"]?.stringValue ?? part["refusal"]?.stringValue {
                        parts.append(.text(text, cacheMark: AnthropicCodec.cacheMark(part["cache_control"])))
                    }
                }
            }
        }
        for call in message["tool_calls"]?.elements ?? [] {
            let function = call["function"]
            let toolCall = ToolCall(
                id: call["id"]?.stringValue ?? "", name: function?["name"]?.stringValue ?? "",
                argumentsJSON: function?["arguments"]?.textOrJSON ?? "{}")
            parts.append(CanonicalPart(.toolCall(toolCall), cacheMark: AnthropicCodec.cacheMark(call["cache_control"])))
        }
        return CanonicalMessage(role: .assistant, parts: parts, name: message["name"]?.stringValue)
    }

    /// Message content (a string or an array of parts) → canonical parts.
    static func decodeContent(_ content: JSONValue?) throws -> [CanonicalPart] {
        guard let content, !content.isNull else { return [] }
        if let text = content.stringValue { return [.text(text)] }
        return try content.elements.map { part in
            let mark = AnthropicCodec.cacheMark(part["cache_control"])
            switch part["type"]?.stringValue {
            case "text", "input_text": return .text(part["text"]?.stringValue ?? "", cacheMark: mark)
            case "image_url":
                let url = part["image_url"]?["url"]?.stringValue ?? part["image_url"]?.stringValue ?? ""
                return CanonicalPart(.image(ImageSource.fromURL(url)), cacheMark: mark)
            case let other:
                throw TranslationError.unsupported("content part type '\(other ?? "missing")' cannot be translated to another format")
            }
        }
    }
}
