import JunctionWire

/// The Gemini `generateContent` / `streamGenerateContent?alt=sse` codec.
///
/// The model and the choice to stream are in Gemini's URL, not its body: ``decodeRequest(_:)`` reads a
/// `model` member if one is present and otherwise leaves the model empty for the gateway to fill in;
/// ``encodeRequest(_:upstreamModel:stream:)`` writes neither. Function calls have no ids in Gemini, so
/// ids are made up on the way in (deterministically for requests, so that a re-sent history is
/// byte-identical) and a call's `thoughtSignature` rides inside its id for clients of other formats
/// (see ``SignatureCarrier``). Images must be inline: an image URL is refused rather than fetched.
public struct GeminiCodec: FormatCodec {
    /// The format this codec speaks.
    public static let format = APIFormat.gemini
    /// The placeholder Gemini documents for function calls that came from elsewhere and have no signature.
    public static let skipSignatureValidator = "skip_thought_signature_validator"

    /// A codec.
    public init() {}

    /// Gemini's error body: `{"error":{"code","message","status"}}`.
    public func errorBody(status: Int, message: String, type: String?) -> JSONValue {
        ["error": ["code": .int(status), "message": .string(message), "status": .string(type ?? GeminiWire.errorStatus(status: status))]]
    }

    /// The in-stream error: a `data:` chunk holding the error body.
    public func streamErrorEvent(status: Int, message: String) -> ServerSentEvent {
        ServerSentEvent(data: errorBody(status: status, message: message, type: nil).serializedString())
    }

    /// Reads `{"error":{...}}` (also the array form some Google endpoints return).
    public func decodeError(_ body: JSONValue, status: Int) -> CanonicalError? {
        let error = body["error"] ?? body[0]?["error"]
        guard let error, let message = error["message"]?.stringValue else { return nil }
        return CanonicalError(status: error["code"]?.intValue ?? status, message: message, type: error["status"]?.stringValue)
    }

    /// A fresh stream decoder.
    public func makeStreamDecoder() -> any StreamDecoding { GeminiStreamDecoder() }

    /// A fresh stream encoder.
    public func makeStreamEncoder(model: String) -> any StreamEncoding { GeminiStreamEncoder(model: model) }
}

extension GeminiCodec {
    /// `finishReason` → canonical.
    static func finishReason(_ value: String?, hasToolCalls: Bool) -> FinishReason? {
        guard let value else { return nil }
        switch value {
        case GeminiWire.FinishReason.stop: return hasToolCalls ? .toolCalls : .stop
        case GeminiWire.FinishReason.maxTokens: return .length
        case GeminiWire.FinishReason.malformedFunctionCall: return .malformedToolCall
        case _ where GeminiWire.FinishReason.filtered.contains(value): return .contentFilter
        case "FINISH_REASON_UNSPECIFIED": return hasToolCalls ? .toolCalls : .stop
        default: return .other(value)
        }
    }

    /// Canonical → `finishReason` (Gemini ends a function-calling turn with `STOP`).
    static func finishReasonString(_ reason: FinishReason?) -> String {
        switch reason {
        case .length?: GeminiWire.FinishReason.maxTokens
        case .contentFilter?, .refusal?: GeminiWire.FinishReason.safety
        case .malformedToolCall?: GeminiWire.FinishReason.malformedFunctionCall
        case .other?: GeminiWire.FinishReason.other
        default: GeminiWire.FinishReason.stop
        }
    }

    /// `usageMetadata` → canonical (Gemini counts thoughts apart from candidates).
    static func usage(_ value: JSONValue?) -> CanonicalUsage? {
        guard let value, value.objectValue != nil else { return nil }
        let thoughts = value["thoughtsTokenCount"]?.intValue ?? 0
        return CanonicalUsage(
            inputTokens: (value["promptTokenCount"]?.intValue ?? 0) + (value["toolUsePromptTokenCount"]?.intValue ?? 0),
            cachedInputTokens: value["cachedContentTokenCount"]?.intValue ?? 0, cacheWriteTokens: 0,
            outputTokens: (value["candidatesTokenCount"]?.intValue ?? 0) + thoughts, reasoningTokens: thoughts)
    }

    /// Canonical → `usageMetadata`.
    static func usageJSON(_ usage: CanonicalUsage) -> JSONValue {
        var object: JSONObject = [
            "promptTokenCount": .int(usage.inputTokens),
            "candidatesTokenCount": .int(max(0, usage.outputTokens - usage.reasoningTokens)),
            "totalTokenCount": .int(usage.totalTokens),
        ]
        if usage.cachedInputTokens > 0 { object["cachedContentTokenCount"] = .int(usage.cachedInputTokens) }
        if usage.reasoningTokens > 0 { object["thoughtsTokenCount"] = .int(usage.reasoningTokens) }
        return .object(object)
    }

    /// A response part → canonical, or `nil` for parts with no equivalent.
    static func decodeResponsePart(_ part: JSONValue, makeID: () -> String) -> CanonicalPart? {
        let signature = part["thoughtSignature"]?.stringValue
        if let text = part["text"]?.stringValue {
            if part["thought"]?.boolValue == true {
                return CanonicalPart(.thinking(Thinking(text: text, signature: signature, origin: signature == nil ? nil : .gemini)))
            }
            return CanonicalPart(.text(text), thoughtSignature: signature)
        }
        if let call = part["functionCall"] {
            let id = SignatureCarrier.embed(signature: signature, in: call["id"]?.stringValue ?? makeID())
            let toolCall = ToolCall(id: id, name: call["name"]?.stringValue ?? "", argumentsJSON: (call["args"] ?? [:]).serializedString())
            return CanonicalPart(.toolCall(toolCall), thoughtSignature: signature)
        }
        if let data = part["inlineData"] {
            return CanonicalPart(.image(.base64(mediaType: data["mimeType"]?.stringValue ?? "image/png", data: data["data"]?.stringValue ?? "")))
        }
        if signature != nil { return CanonicalPart(.thinking(Thinking(text: "", signature: signature, origin: .gemini))) }
        return nil
    }
}
