import JunctionWire

extension ResponsesCodec {
    static let knownRequestKeys: Set<String> = [
        "model", "input", "instructions", "tools", "tool_choice", "parallel_tool_calls", "max_output_tokens",
        "temperature", "top_p", "reasoning", "text", "user", "metadata", "stream", "store", "include",
    ]

    /// A Responses request → canonical.
    public func decodeRequest(_ body: JSONValue) throws -> CanonicalRequest {
        guard let object = body.objectValue else { throw TranslationError.invalidBody("request body must be a JSON object") }
        var request = CanonicalRequest(model: body["model"]?.stringValue ?? "")
        request.stream = body["stream"]?.boolValue ?? false
        var extras = object.removing(Self.knownRequestKeys)
        if let include = body["include"] { extras["include"] = include }
        if let store = body["store"] { extras["store"] = store }
        request.extras = extras
        request.extrasFormat = .openAIResponses
        if let instructions = body["instructions"]?.stringValue { request.system = [.text(instructions)] }

        if let text = body["input"]?.stringValue {
            request.messages = [CanonicalMessage(role: .user, parts: [.text(text)])]
        } else {
            for item in body["input"]?.elements ?? [] { try Self.decodeInputItem(item, into: &request) }
        }

        var builtIns: [JSONValue] = []
        for tool in body["tools"]?.elements ?? [] {
            guard tool["type"]?.stringValue == "function", let name = tool["name"]?.stringValue else {
                builtIns.append(tool)
                continue
            }
            request.tools.append(CanonicalTool(
                name: name, description: tool["description"]?.stringValue,
                parameters: tool["parameters"] ?? ["type": "object", "properties": [:]], strict: tool["strict"]?.boolValue))
        }
        if !builtIns.isEmpty { request.extras["tools"] = .array(builtIns) }
        if let choice = body["tool_choice"] {
            switch choice.stringValue {
            case "auto"?: request.toolChoice = .auto
            case "none"?: request.toolChoice = CanonicalToolChoice.none
            case "required"?: request.toolChoice = .required
            default: if let name = choice["name"]?.stringValue { request.toolChoice = .tool(name) }
            }
        }
        request.parallelToolCalls = body["parallel_tool_calls"]?.boolValue
        request.parameters = GenerationParameters(maxTokens: body["max_output_tokens"]?.intValue, temperature: body["temperature"], topP: body["top_p"])
        if let reasoning = body["reasoning"], reasoning.objectValue != nil {
            request.reasoning = ReasoningConfig(
                effort: reasoning["effort"]?.stringValue.flatMap(ReasoningConfig.Effort.init(rawValue:)),
                includeThoughts: reasoning["summary"].map { !$0.isNull }, summary: reasoning["summary"]?.stringValue)
            if request.reasoning?.effort == nil { request.reasoning?.effort = .medium }
        }
        if let format = body["text"]?["format"] {
            switch format["type"]?.stringValue {
            case "json_object": request.responseFormat = .jsonObject
            case "json_schema":
                request.responseFormat = .jsonSchema(
                    name: format["name"]?.stringValue ?? "response", schema: format["schema"] ?? [:],
                    strict: format["strict"]?.boolValue, description: format["description"]?.stringValue)
            case "text": request.responseFormat = .text
            default: break
            }
        }
        request.user = body["user"]?.stringValue
        request.metadata = body["metadata"]?.objectValue
        return request
    }

    static func decodeInputItem(_ item: JSONValue, into request: inout CanonicalRequest) throws {
        let type = item["type"]?.stringValue ?? "message"
        switch type {
        case "message":
            let role = item["role"]?.stringValue ?? "user"
            let parts = try decodeContent(item["content"])
            switch role {
            case "system", "developer": request.system += parts
            case "assistant": append(parts, role: .assistant, to: &request)
            default: append(parts, role: .user, to: &request)
            }
        case "function_call":
            let call = ToolCall(
                id: item["call_id"]?.stringValue ?? item["id"]?.stringValue ?? "", name: item["name"]?.stringValue ?? "",
                argumentsJSON: item["arguments"]?.textOrJSON ?? "{}")
            append([CanonicalPart(.toolCall(call))], role: .assistant, to: &request)
        case "function_call_output":
            let output = item["output"]
            let content: [CanonicalPart] = try output?.stringValue.map { [.text($0)] } ?? decodeContent(output)
            let result = ToolResult(callID: item["call_id"]?.stringValue ?? "", content: content)
            append([CanonicalPart(.toolResult(result))], role: .user, to: &request)
        case "reasoning":
            append([thinking(fromItem: item, client: true)], role: .assistant, to: &request)
        default:
            throw TranslationError.unsupported("input item type '\(type)' cannot be translated to another format")
        }
    }

    /// Appends parts to the last message when it has the same role, else as a new message.
    static func append(_ parts: [CanonicalPart], role: CanonicalRole, to request: inout CanonicalRequest) {
        if let last = request.messages.last, last.role == role {
            request.messages[request.messages.count - 1].parts += parts
        } else {
            request.messages.append(CanonicalMessage(role: role, parts: parts))
        }
    }

    static func decodeContent(_ content: JSONValue?) throws -> [CanonicalPart] {
        guard let content, !content.isNull else { return [] }
        if let text = content.stringValue { return [.text(text)] }
        return try content.elements.map { part in
            switch part["type"]?.stringValue {
            case "input_text", "output_text", "text": return .text(part["text"]?.stringValue ?? "")
            case "refusal": return .text(part["refusal"]?.stringValue ?? "")
            case "input_image":
                guard let url = part["image_url"]?.stringValue else {
                    throw TranslationError.unsupported("input_image by file_id needs the provider's file store and cannot be translated")
                }
                return CanonicalPart(.image(ImageSource.fromURL(url)))
            case let other:
                throw TranslationError.unsupported("content part type '\(other ?? "missing")' cannot be translated to another format")
            }
        }
    }
}
