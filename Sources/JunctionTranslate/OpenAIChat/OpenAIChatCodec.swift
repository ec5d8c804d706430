import JunctionWire

/// The OpenAI Chat Completions codec (`/v1/chat/completions`).
///
/// Reasoning text is surfaced as `reasoning_content` (the field DeepSeek, vLLM and OpenRouter clients read)
/// and read back from `reasoning_content` or `reasoning`. Anthropic-style `cache_control` on content parts,
/// which some OpenAI-format clients send for Anthropic-backed models, is read and kept.
public struct OpenAIChatCodec: FormatCodec {
    /// The format this codec speaks.
    public static let format = APIFormat.openAIChat

    /// Whether client streams end with a usage chunk (`choices: []`), as OpenAI sends only when the
    /// request had `stream_options.include_usage`.
    public var includeStreamUsage: Bool

    /// A codec; `includeStreamUsage` decides whether client streams end with a usage chunk.
    public init(includeStreamUsage: Bool = true) {
        self.includeStreamUsage = includeStreamUsage
    }

    /// OpenAI's error body: `{"error":{"message","type","param","code"}}`.
    public func errorBody(status: Int, message: String, type: String?) -> JSONValue {
        ["error": ["message": .string(message), "type": .string(type ?? OpenAIChatWire.errorType(status: status)), "param": .null, "code": .null]]
    }

    /// The in-stream error: a `data:` chunk holding the error body.
    public func streamErrorEvent(status: Int, message: String) -> ServerSentEvent {
        ServerSentEvent(data: errorBody(status: status, message: message, type: nil).serializedString())
    }

    /// Reads `{"error":{...}}` (also a bare string `error`).
    public func decodeError(_ body: JSONValue, status: Int) -> CanonicalError? {
        guard let error = body["error"] else { return nil }
        if let text = error.stringValue { return CanonicalError(status: status, message: text) }
        guard let message = error["message"]?.stringValue else { return nil }
        return CanonicalError(status: status, message: message, type: error["type"]?.stringValue ?? error["code"]?.stringValue)
    }

    /// A fresh stream decoder.
    public func makeStreamDecoder() -> any StreamDecoding { OpenAIChatStreamDecoder() }

    /// A fresh stream encoder.
    public func makeStreamEncoder(model: String) -> any StreamEncoding { OpenAIChatStreamEncoder(model: model, includeUsage: includeStreamUsage) }
}

extension OpenAIChatCodec {
    /// `finish_reason` → canonical.
    static func finishReason(_ value: String?) -> FinishReason? {
        switch value {
        case nil: nil
        case OpenAIChatWire.FinishReason.stop?: .stop
        case OpenAIChatWire.FinishReason.length?: .length
        case OpenAIChatWire.FinishReason.toolCalls?, OpenAIChatWire.FinishReason.functionCall?: .toolCalls
        case OpenAIChatWire.FinishReason.contentFilter?: .contentFilter
        case let other?: .other(other)
        }
    }

    /// Canonical → `finish_reason`.
    static func finishReasonString(_ reason: FinishReason?) -> String {
        switch reason {
        case .length?: OpenAIChatWire.FinishReason.length
        case .toolCalls?: OpenAIChatWire.FinishReason.toolCalls
        case .contentFilter?, .refusal?: OpenAIChatWire.FinishReason.contentFilter
        default: OpenAIChatWire.FinishReason.stop
        }
    }

    /// `usage` → canonical (also DeepSeek's `prompt_cache_hit_tokens` and OpenRouter's `cache_write_tokens`).
    static func usage(_ value: JSONValue?) -> CanonicalUsage? {
        guard let value, value.objectValue != nil else { return nil }
        let cached = value["prompt_tokens_details"]?["cached_tokens"]?.intValue ?? value["prompt_cache_hit_tokens"]?.intValue ?? 0
        let write = value["prompt_tokens_details"]?["cache_write_tokens"]?.intValue ?? value["cache_creation_input_tokens"]?.intValue ?? 0
        return CanonicalUsage(
            inputTokens: value["prompt_tokens"]?.intValue ?? 0, cachedInputTokens: cached, cacheWriteTokens: write,
            outputTokens: value["completion_tokens"]?.intValue ?? 0,
            reasoningTokens: value["completion_tokens_details"]?["reasoning_tokens"]?.intValue ?? 0)
    }

    /// Canonical → `usage`.
    static func usageJSON(_ usage: CanonicalUsage) -> JSONValue {
        var details: JSONObject = ["cached_tokens": .int(usage.cachedInputTokens)]
        if usage.cacheWriteTokens > 0 { details["cache_write_tokens"] = .int(usage.cacheWriteTokens) }
        return [
            "prompt_tokens": .int(usage.inputTokens), "completion_tokens": .int(usage.outputTokens),
            "total_tokens": .int(usage.totalTokens), "prompt_tokens_details": .object(details),
            "completion_tokens_details": ["reasoning_tokens": .int(usage.reasoningTokens)],
        ]
    }
}
