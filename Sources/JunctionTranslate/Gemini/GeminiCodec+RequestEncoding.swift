import JunctionWire

extension GeminiCodec {
    /// Canonical → a `generateContent` body.
    ///
    /// Tool schemas go out as `parametersJsonSchema` and a response schema as `responseJsonSchema`, the
    /// fields that take full JSON Schema (the older `parameters` / `responseSchema` take an OpenAPI subset
    /// that rejects common keywords). Reasoning becomes `thinkingConfig`: `thinkingLevel` for Gemini 3
    /// models, `thinkingBudget` for earlier ones. The first function call of a model turn that has no
    /// thought signature gets Gemini's documented placeholder, so histories from other providers are accepted.
    public func encodeRequest(_ request: CanonicalRequest, upstreamModel: String, stream: Bool) throws -> JSONValue {
        try request.requireStateless(for: .gemini)
        var body = JSONObject()
        let names = request.toolNamesByCallID
        var contents: [JSONValue] = []
        for message in request.messages {
            var parts: [JSONValue] = []
            var signedCall = false
            for part in message.parts {
                guard var encoded = try Self.encodePart(part, names: names) else { continue }
                if case .toolCall = part.content, message.role == .assistant {
                    if encoded["thoughtSignature"] == nil, !signedCall { encoded["thoughtSignature"] = .string(Self.skipSignatureValidator) }
                    signedCall = true
                }
                parts.append(encoded)
            }
            guard !parts.isEmpty else { continue }
            let role: JSONValue = message.role == .assistant ? "model" : "user"
            if let last = contents.last, last["role"] == role {
                contents[contents.count - 1]["parts"] = .array((last["parts"]?.elements ?? []) + parts)
            } else {
                contents.append(["role": role, "parts": .array(parts)])
            }
        }
        body["contents"] = .array(contents)
        if let system = request.systemText { body["systemInstruction"] = ["parts": [["text": .string(system)]]] }

        let extras = request.extras(for: .gemini)
        var tools: [JSONValue] = []
        if !request.tools.isEmpty {
            tools.append(["functionDeclarations": .array(request.tools.map { tool in
                .object([("name", .string(tool.name)), ("description", tool.description.map(JSONValue.string)), ("parametersJsonSchema", tool.parameters)])
            })])
        }
        tools += extras["tools"]?.elements ?? []
        if !tools.isEmpty { body["tools"] = .array(tools) }
        switch tools.isEmpty ? nil : request.toolChoice {
        case .auto?: body["toolConfig"] = ["functionCallingConfig": ["mode": .string(GeminiWire.FunctionCallingMode.auto)]]
        case .none?: body["toolConfig"] = ["functionCallingConfig": ["mode": .string(GeminiWire.FunctionCallingMode.none)]]
        case .required?: body["toolConfig"] = ["functionCallingConfig": ["mode": .string(GeminiWire.FunctionCallingMode.any)]]
        case .tool(let name)?:
            body["toolConfig"] = ["functionCallingConfig": ["mode": .string(GeminiWire.FunctionCallingMode.any), "allowedFunctionNames": [.string(name)]]]
        case nil: break
        }

        var generation = JSONObject()
        let parameters = request.parameters
        if !parameters.stopSequences.isEmpty { generation["stopSequences"] = .array(parameters.stopSequences.map(JSONValue.string)) }
        generation["maxOutputTokens"] = parameters.maxTokens.map(JSONValue.int)
        generation["temperature"] = parameters.temperature
        generation["topP"] = parameters.topP
        generation["topK"] = parameters.topK
        generation["seed"] = parameters.seed
        generation["presencePenalty"] = parameters.presencePenalty
        generation["frequencyPenalty"] = parameters.frequencyPenalty
        switch request.responseFormat {
        case .jsonObject?: generation["responseMimeType"] = "application/json"
        case .jsonSchema(_, let schema, _, _)?:
            generation["responseMimeType"] = "application/json"
            generation["responseJsonSchema"] = schema
        case .text?, nil: break
        }
        if let reasoning = request.reasoning { generation["thinkingConfig"] = Self.thinkingConfig(reasoning, model: upstreamModel) }
        generation.merge(missingFrom: extras["generationConfig"]?.objectOrEmpty ?? JSONObject())
        if generation.count > 0 { body["generationConfig"] = .object(generation) }
        body.merge(missingFrom: extras.removing(["tools", "generationConfig", "model"]))
        return .object(body)
    }

    static func thinkingConfig(_ reasoning: ReasoningConfig, model: String) -> JSONValue {
        var config = JSONObject()
        let isGemini3 = model.contains("gemini-3")
        if isGemini3, let effort = reasoning.effectiveEffort, reasoning.budgetTokens == nil || reasoning.effort != nil {
            config["thinkingLevel"] = effort == .low || effort == .minimal || effort == .none ? "low" : "high"
        } else if let budget = reasoning.effectiveBudget {
            config["thinkingBudget"] = .int(min(budget, 32768))
        }
        config["includeThoughts"] = .bool(reasoning.includeThoughts ?? !reasoning.isDisabled)
        return .object(config)
    }

    static func encodePart(_ part: CanonicalPart, names: [String: String]) throws -> JSONValue? {
        var encoded: JSONObject
        switch part.content {
        case .text(let text):
            guard !text.isEmpty || part.thoughtSignature != nil else { return nil }
            encoded = ["text": .string(text)]
        case .image(let source):
            encoded = try imagePart(source)
        case .toolCall(let call):
            let (_, carried) = SignatureCarrier.split(call.id)
            encoded = ["functionCall": ["name": .string(call.name), "args": JSONValue.arguments(call.argumentsJSON)]]
            if let signature = part.thoughtSignature ?? carried { encoded["thoughtSignature"] = .string(signature) }
            return .object(encoded)
        case .toolResult(let result):
            let name = result.name ?? names[result.callID] ?? names[SignatureCarrier.plainID(result.callID)] ?? "tool"
            let text = result.content.compactMap(\.text).joined(separator: "\n")
            let response: JSONValue
            if let structured = result.structured, structured.objectValue != nil {
                response = structured
            } else if !result.isError, let parsed = try? JSONValue(parsing: text), parsed.objectValue != nil {
                response = parsed
            } else {
                response = [result.isError ? "error" : "result": .string(text)]
            }
            return ["functionResponse": ["name": .string(name), "response": response]]
        case .thinking(let thinking):
            guard thinking.origin == .gemini, let signature = thinking.signature else { return nil }
            encoded = ["text": .string(thinking.text), "thought": true, "thoughtSignature": .string(signature)]
            return .object(encoded)
        case .redactedThinking:
            return nil
        }
        if let signature = part.thoughtSignature { encoded["thoughtSignature"] = .string(signature) }
        return .object(encoded)
    }

    static func imagePart(_ source: ImageSource) throws -> JSONObject {
        switch source {
        case .base64(let mediaType, let data):
            return ["inlineData": ["mimeType": .string(mediaType), "data": .string(data)]]
        case .url(let url):
            if url.hasPrefix("gs://") || url.contains("generativelanguage.googleapis.com/") {
                return ["fileData": ["mimeType": .string(mimeType(forURL: url)), "fileUri": .string(url)]]
            }
            throw TranslationError.unsupported("Gemini accepts images only as inline data; send the image as a base64 data URL instead of \(url.prefix(80))")
        }
    }

    static func mimeType(forURL url: String) -> String {
        let lower = url.lowercased()
        if lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") { return "image/jpeg" }
        if lower.hasSuffix(".webp") { return "image/webp" }
        if lower.hasSuffix(".gif") { return "image/gif" }
        return "image/png"
    }
}
