import JunctionWire

extension AnthropicCodec {
    static let knownRequestKeys: Set<String> = [
        "model", "messages", "system", "max_tokens", "stop_sequences", "temperature", "top_p", "top_k", "tools",
        "tool_choice", "thinking", "metadata", "stream", "output_format", "output_config",
    ]

    /// A Messages request → canonical.
    public func decodeRequest(_ body: JSONValue) throws -> CanonicalRequest {
        guard let object = body.objectValue else { throw TranslationError.invalidBody("request body must be a JSON object") }
        guard let messages = body["messages"]?.arrayValue else { throw TranslationError.missingField("messages") }
        var request = CanonicalRequest(model: body["model"]?.stringValue ?? "")
        request.stream = body["stream"]?.boolValue ?? false
        request.system = try Self.decodeSystem(body["system"])
        request.messages = try messages.map(Self.decodeMessage)

        var extras = object.removing(Self.knownRequestKeys)
        var serverTools: [JSONValue] = []
        for tool in body["tools"]?.elements ?? [] {
            if let type = tool["type"]?.stringValue, type != "custom" {
                serverTools.append(tool)
                continue
            }
            guard let name = tool["name"]?.stringValue else { throw TranslationError.missingField("tools[].name") }
            request.tools.append(CanonicalTool(
                name: name, description: tool["description"]?.stringValue,
                parameters: tool["input_schema"] ?? ["type": "object"], cacheMark: Self.cacheMark(tool["cache_control"])))
        }
        if !serverTools.isEmpty { extras["tools"] = .array(serverTools) }
        request.extras = extras
        request.extrasFormat = .anthropic

        if let choice = body["tool_choice"] {
            switch choice["type"]?.stringValue {
            case "auto": request.toolChoice = .auto
            case "any": request.toolChoice = .required
            case "none": request.toolChoice = CanonicalToolChoice.none
            case "tool": request.toolChoice = .tool(choice["name"]?.stringValue ?? "")
            default: break
            }
            if choice["disable_parallel_tool_use"]?.boolValue == true { request.parallelToolCalls = false }
        }

        request.parameters = GenerationParameters(
            maxTokens: body["max_tokens"]?.intValue, temperature: body["temperature"], topP: body["top_p"],
            topK: body["top_k"], stopSequences: body["stop_sequences"]?.elements.compactMap(\.stringValue) ?? [])

        if let thinking = body["thinking"] {
            switch thinking["type"]?.stringValue {
            case "enabled": request.reasoning = ReasoningConfig(budgetTokens: thinking["budget_tokens"]?.intValue ?? 8192, includeThoughts: true)
            case "disabled": request.reasoning = ReasoningConfig(budgetTokens: 0)
            case "adaptive": request.reasoning = ReasoningConfig(budgetTokens: -1, includeThoughts: true)
            default: break
            }
        }
        request.user = body["metadata"]?["user_id"]?.stringValue
        if let format = body["output_format"] ?? body["output_config"]?["format"], format["type"]?.stringValue == "json_schema" {
            request.responseFormat = .jsonSchema(name: "response", schema: format["schema"] ?? [:], strict: nil, description: nil)
        }
        return request
    }

    static func decodeSystem(_ value: JSONValue?) throws -> [CanonicalPart] {
        guard let value else { return [] }
        if let text = value.stringValue { return [.text(text)] }
        guard let blocks = value.arrayValue else { throw TranslationError.invalidBody("'system' must be a string or an array of text blocks") }
        return blocks.compactMap { block in
            guard let text = block["text"]?.stringValue else { return nil }
            return .text(text, cacheMark: cacheMark(block["cache_control"]))
        }
    }

    static func decodeMessage(_ message: JSONValue) throws -> CanonicalMessage {
        let role: CanonicalRole = message["role"]?.stringValue == "assistant" ? .assistant : .user
        let content = message["content"]
        if let text = content?.stringValue { return CanonicalMessage(role: role, parts: [.text(text)]) }
        return CanonicalMessage(role: role, parts: attachCarriedSignatures(try (content?.elements ?? []).map(decodeBlock)))
    }

    /// Moves Gemini text-part signatures, which an Anthropic client holds as opaque `redacted_thinking`
    /// blocks (see ``carriedSignatureBlock(_:)``), back onto the text part before them.
    static func attachCarriedSignatures(_ parts: [CanonicalPart]) -> [CanonicalPart] {
        var result: [CanonicalPart] = []
        for part in parts {
            if case .redactedThinking(let data) = part.content, data.hasPrefix(carriedSignaturePrefix) {
                let signature = String(data.dropFirst(carriedSignaturePrefix.count))
                if let last = result.indices.last, case .text = result[last].content, result[last].thoughtSignature == nil {
                    result[last].thoughtSignature = signature
                } else {
                    result.append(CanonicalPart(.text(""), thoughtSignature: signature))
                }
                continue
            }
            result.append(part)
        }
        return result
    }

    static func decodeBlock(_ block: JSONValue) throws -> CanonicalPart {
        let mark = cacheMark(block["cache_control"])
        switch block["type"]?.stringValue {
        case "text":
            return .text(block["text"]?.stringValue ?? "", cacheMark: mark)
        case "image":
            return CanonicalPart(.image(try decodeImageSource(block["source"])), cacheMark: mark)
        case "tool_use":
            let call = ToolCall(
                id: block["id"]?.stringValue ?? "", name: block["name"]?.stringValue ?? "",
                argumentsJSON: (block["input"] ?? [:]).serializedString())
            return CanonicalPart(.toolCall(call), cacheMark: mark)
        case "tool_result":
            let content = block["content"]
            let parts: [CanonicalPart]
            if let text = content?.stringValue { parts = [.text(text)] } else { parts = try (content?.elements ?? []).map(decodeBlock) }
            let result = ToolResult(callID: block["tool_use_id"]?.stringValue ?? "", content: parts, isError: block["is_error"]?.boolValue ?? false)
            return CanonicalPart(.toolResult(result), cacheMark: mark)
        case "thinking":
            let raw = block["signature"]?.stringValue ?? ""
            let (signature, origin) = SignatureCarrier.unwrap(raw, from: .anthropic)
            let thinking = Thinking(text: block["thinking"]?.stringValue ?? "", signature: signature.isEmpty ? nil : signature, origin: origin)
            return CanonicalPart(.thinking(thinking), cacheMark: mark)
        case "redacted_thinking":
            return CanonicalPart(.redactedThinking(data: block["data"]?.stringValue ?? ""), cacheMark: mark)
        case let other:
            throw TranslationError.unsupported("content block type '\(other ?? "missing")' cannot be translated to another format")
        }
    }

    static func decodeImageSource(_ source: JSONValue?) throws -> ImageSource {
        switch source?["type"]?.stringValue {
        case "base64":
            return .base64(mediaType: source?["media_type"]?.stringValue ?? "image/png", data: source?["data"]?.stringValue ?? "")
        case "url":
            return .url(source?["url"]?.stringValue ?? "")
        default:
            throw TranslationError.unsupported("image source type '\(source?["type"]?.stringValue ?? "missing")' cannot be translated")
        }
    }
}
