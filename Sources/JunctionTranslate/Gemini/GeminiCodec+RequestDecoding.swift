import JunctionWire

extension GeminiCodec {
    static let knownRequestKeys: Set<String> = ["model", "contents", "systemInstruction", "system_instruction", "tools", "toolConfig", "generationConfig"]
    static let knownGenerationKeys: Set<String> = [
        "maxOutputTokens", "temperature", "topP", "topK", "stopSequences", "seed", "presencePenalty", "frequencyPenalty",
        "responseMimeType", "responseSchema", "responseJsonSchema", "thinkingConfig",
    ]

    /// A `generateContent` body → canonical.
    public func decodeRequest(_ body: JSONValue) throws -> CanonicalRequest {
        guard let object = body.objectValue else { throw TranslationError.invalidBody("request body must be a JSON object") }
        guard let contents = body["contents"]?.arrayValue else { throw TranslationError.missingField("contents") }
        var model = body["model"]?.stringValue ?? ""
        if model.hasPrefix("models/") { model.removeFirst(7) }
        var request = CanonicalRequest(model: model)
        var extras = object.removing(Self.knownRequestKeys)

        let system = body["systemInstruction"] ?? body["system_instruction"]
        request.system = (system?["parts"]?.elements ?? []).compactMap { $0["text"]?.stringValue }.map { CanonicalPart.text($0) }

        var pending: [String: [String]] = [:]
        for (turn, content) in contents.enumerated() {
            let role: CanonicalRole = content["role"]?.stringValue == "model" ? .assistant : .user
            var parts: [CanonicalPart] = []
            for (position, part) in (content["parts"]?.elements ?? []).enumerated() {
                let signature = part["thoughtSignature"]?.stringValue
                if let call = part["functionCall"] {
                    let name = call["name"]?.stringValue ?? ""
                    let id = call["id"]?.stringValue ?? "call_\(turn)_\(position)"
                    pending[name, default: []].append(id)
                    let toolCall = ToolCall(id: SignatureCarrier.embed(signature: signature, in: id), name: name, argumentsJSON: (call["args"] ?? [:]).serializedString())
                    parts.append(CanonicalPart(.toolCall(toolCall), thoughtSignature: signature))
                } else if let response = part["functionResponse"] {
                    let name = response["name"]?.stringValue ?? ""
                    var id = response["id"]?.stringValue
                    if id == nil, var queue = pending[name], !queue.isEmpty {
                        id = queue.removeFirst()
                        pending[name] = queue
                    }
                    let payload = response["response"] ?? [:]
                    let isError = payload["error"] != nil && payload.objectValue?.count == 1
                    let text: String
                    if let single = payload.objectValue, single.count == 1, let inner = single.members[0].value.stringValue,
                       ["result", "output", "content", "error"].contains(single.members[0].key) {
                        text = inner
                    } else {
                        text = payload.serializedString()
                    }
                    let result = ToolResult(callID: id ?? "call_\(turn)_\(position)", name: name, content: [.text(text)], isError: isError, structured: payload)
                    parts.append(CanonicalPart(.toolResult(result)))
                } else if let text = part["text"]?.stringValue {
                    if part["thought"]?.boolValue == true {
                        parts.append(CanonicalPart(.thinking(Thinking(text: text, signature: signature, origin: signature == nil ? nil : .gemini))))
                    } else {
                        parts.append(CanonicalPart(.text(text), thoughtSignature: signature))
                    }
                } else if let data = part["inlineData"] {
                    parts.append(CanonicalPart(.image(.base64(mediaType: data["mimeType"]?.stringValue ?? "image/png", data: data["data"]?.stringValue ?? ""))))
                } else if let file = part["fileData"], let uri = file["fileUri"]?.stringValue {
                    parts.append(CanonicalPart(.image(.url(uri))))
                } else {
                    throw TranslationError.unsupported("a Gemini part with keys \(part.objectValue?.keys ?? []) cannot be translated to another format")
                }
            }
            request.messages.append(CanonicalMessage(role: role, parts: parts))
        }

        var builtIns: [JSONValue] = []
        for tool in body["tools"]?.elements ?? [] {
            guard let declarations = tool["functionDeclarations"]?.arrayValue ?? tool["function_declarations"]?.arrayValue else {
                builtIns.append(tool)
                continue
            }
            for declaration in declarations {
                request.tools.append(CanonicalTool(
                    name: declaration["name"]?.stringValue ?? "", description: declaration["description"]?.stringValue,
                    parameters: declaration["parametersJsonSchema"] ?? declaration["parameters"] ?? ["type": "object", "properties": [:]]))
            }
        }
        if !builtIns.isEmpty { extras["tools"] = .array(builtIns) }

        if let config = body["toolConfig"]?["functionCallingConfig"] {
            let allowed = config["allowedFunctionNames"]?.elements.compactMap(\.stringValue) ?? []
            switch config["mode"]?.stringValue {
            case GeminiWire.FunctionCallingMode.none?: request.toolChoice = CanonicalToolChoice.none
            case GeminiWire.FunctionCallingMode.any?, "VALIDATED"?: request.toolChoice = allowed.count == 1 ? .tool(allowed[0]) : .required
            case GeminiWire.FunctionCallingMode.auto?: request.toolChoice = .auto
            default: break
            }
        }

        let generation = body["generationConfig"] ?? [:]
        request.parameters = GenerationParameters(
            maxTokens: generation["maxOutputTokens"]?.intValue, temperature: generation["temperature"], topP: generation["topP"],
            topK: generation["topK"], stopSequences: generation["stopSequences"]?.elements.compactMap(\.stringValue) ?? [],
            seed: generation["seed"], presencePenalty: generation["presencePenalty"], frequencyPenalty: generation["frequencyPenalty"])
        if let thinking = generation["thinkingConfig"] {
            var reasoning = ReasoningConfig(budgetTokens: thinking["thinkingBudget"]?.intValue, includeThoughts: thinking["includeThoughts"]?.boolValue)
            switch thinking["thinkingLevel"]?.stringValue?.lowercased() {
            case "minimal"?: reasoning.effort = .minimal
            case "low"?: reasoning.effort = .low
            case "medium"?: reasoning.effort = .medium
            case "high"?: reasoning.effort = .high
            default: break
            }
            request.reasoning = reasoning
        }
        if generation["responseMimeType"]?.stringValue == "application/json" {
            if let schema = generation["responseJsonSchema"] ?? generation["responseSchema"] {
                request.responseFormat = .jsonSchema(name: "response", schema: schema, strict: nil, description: nil)
            } else {
                request.responseFormat = .jsonObject
            }
        }
        let otherGeneration = generation.objectOrEmpty.removing(Self.knownGenerationKeys)
        if otherGeneration.count > 0 { extras["generationConfig"] = .object(otherGeneration) }
        request.extras = extras
        request.extrasFormat = .gemini
        return request
    }
}
