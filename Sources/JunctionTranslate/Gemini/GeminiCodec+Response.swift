import JunctionWire

extension GeminiCodec {
    /// A `GenerateContentResponse` → canonical (the first candidate).
    public func decodeResponse(_ body: JSONValue) throws -> CanonicalResponse {
        guard body.objectValue != nil else { throw TranslationError.invalidBody("Gemini response must be a JSON object") }
        let candidate = body["candidates"]?[0]
        var parts: [CanonicalPart] = []
        for part in candidate?["content"]?["parts"]?.elements ?? [] {
            if let decoded = Self.decodeResponsePart(part, makeID: { Identifiers.make("call_") }) { parts.append(decoded) }
        }
        let hasCalls = parts.contains { if case .toolCall = $0.content { true } else { false } }
        var reason = Self.finishReason(candidate?["finishReason"]?.stringValue, hasToolCalls: hasCalls)
        if candidate == nil, body["promptFeedback"]?["blockReason"] != nil { reason = .contentFilter }
        if candidate == nil, reason == nil { throw TranslationError.invalidBody("Gemini response has no candidates") }
        return CanonicalResponse(
            id: body["responseId"]?.stringValue ?? Identifiers.make("gen-"), model: body["modelVersion"]?.stringValue ?? "",
            parts: parts, finishReason: reason, usage: Self.usage(body["usageMetadata"]))
    }

    /// Canonical → a `GenerateContentResponse`.
    public func encodeResponse(_ response: CanonicalResponse, model: String) -> JSONValue {
        let parts = response.parts.compactMap(Self.clientPart)
        var body: JSONObject = [
            "candidates": [["content": ["role": "model", "parts": .array(parts)], "finishReason": .string(Self.finishReasonString(response.finishReason)), "index": 0]],
        ]
        if let usage = response.usage { body["usageMetadata"] = Self.usageJSON(usage) }
        body["modelVersion"] = .string(model)
        body["responseId"] = .string(response.id)
        return .object(body)
    }

    /// A canonical answer part as a Gemini client sees it.
    static func clientPart(_ part: CanonicalPart) -> JSONValue? {
        switch part.content {
        case .text(let text):
            return .object([("text", .string(text)), ("thoughtSignature", part.thoughtSignature.map(JSONValue.string))])
        case .thinking(let thinking):
            let signature = thinking.origin == .gemini ? thinking.signature : nil
            return .object([("text", .string(thinking.text)), ("thought", true), ("thoughtSignature", signature.map(JSONValue.string))])
        case .toolCall(let call):
            let (plain, carried) = SignatureCarrier.split(call.id)
            let signature = part.thoughtSignature ?? carried
            return .object([
                ("functionCall", ["id": .string(plain), "name": .string(call.name), "args": JSONValue.arguments(call.argumentsJSON)]),
                ("thoughtSignature", signature.map(JSONValue.string)),
            ])
        case .image(.base64(let mediaType, let data)):
            return ["inlineData": ["mimeType": .string(mediaType), "data": .string(data)]]
        default:
            return nil
        }
    }
}
