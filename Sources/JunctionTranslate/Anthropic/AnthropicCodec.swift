import JunctionWire

/// The Anthropic Messages codec (`/v1/messages`).
///
/// Thinking blocks keep their `signature` byte for byte and `redacted_thinking` its `data`; both are
/// sent back only to Anthropic targets. `cache_control` is read from and written to system blocks,
/// tools, message blocks and tool results.
public struct AnthropicCodec: FormatCodec {
    /// The format this codec speaks.
    public static let format = APIFormat.anthropic
    /// The `max_tokens` sent when the client set no output cap (Anthropic requires one).
    public static let defaultMaxTokens = 8192

    /// A codec.
    public init() {}

    /// Anthropic's error body: `{"type":"error","error":{"type","message"}}`.
    public func errorBody(status: Int, message: String, type: String?) -> JSONValue {
        ["type": "error", "error": ["type": .string(type ?? AnthropicWire.errorType(status: status)), "message": .string(message)]]
    }

    /// Anthropic's in-stream `error` event.
    public func streamErrorEvent(status: Int, message: String) -> ServerSentEvent {
        ServerSentEvent(event: AnthropicWire.Event.error, data: errorBody(status: status, message: message, type: nil).serializedString())
    }

    /// Reads `{"type":"error","error":{...}}`.
    public func decodeError(_ body: JSONValue, status: Int) -> CanonicalError? {
        guard let error = body["error"], let message = error["message"]?.stringValue else { return nil }
        let type = error["type"]?.stringValue
        return CanonicalError(status: status, message: message, type: type)
    }

    /// A fresh stream decoder.
    public func makeStreamDecoder() -> any StreamDecoding { AnthropicStreamDecoder() }

    /// A fresh stream encoder.
    public func makeStreamEncoder(model: String) -> any StreamEncoding { AnthropicStreamEncoder(model: model) }
}

extension AnthropicCodec {
    /// A `cache_control` object → mark.
    static func cacheMark(_ value: JSONValue?) -> CacheMark? {
        guard let value, value.objectValue != nil else { return nil }
        return CacheMark(type: value["type"]?.stringValue ?? "ephemeral", ttl: value["ttl"]?.stringValue)
    }

    /// A mark → `cache_control` object.
    static func cacheControl(_ mark: CacheMark?) -> JSONValue? {
        guard let mark else { return nil }
        return .object([("type", .string(mark.type)), ("ttl", mark.ttl.map(JSONValue.string))])
    }

    /// `stop_reason` → canonical.
    static func finishReason(_ stopReason: String?, stopSequence: String?) -> FinishReason? {
        guard let stopReason else { return nil }
        switch stopReason {
        case AnthropicWire.StopReason.endTurn: return .stop
        case AnthropicWire.StopReason.maxTokens, AnthropicWire.StopReason.contextWindowExceeded: return .length
        case AnthropicWire.StopReason.stopSequence: return .stopSequence(stopSequence)
        case AnthropicWire.StopReason.toolUse: return .toolCalls
        case AnthropicWire.StopReason.refusal: return .refusal
        case AnthropicWire.StopReason.pauseTurn: return .pause
        default: return .other(stopReason)
        }
    }

    /// Canonical → `stop_reason` and `stop_sequence`.
    static func stopReason(_ reason: FinishReason?) -> (reason: String, sequence: String?) {
        switch reason {
        case .stop?, nil, .malformedToolCall?: (AnthropicWire.StopReason.endTurn, nil)
        case .stopSequence(let sequence)?: (AnthropicWire.StopReason.stopSequence, sequence)
        case .length?: (AnthropicWire.StopReason.maxTokens, nil)
        case .toolCalls?: (AnthropicWire.StopReason.toolUse, nil)
        case .contentFilter?, .refusal?: (AnthropicWire.StopReason.refusal, nil)
        case .pause?: (AnthropicWire.StopReason.pauseTurn, nil)
        case .other?: (AnthropicWire.StopReason.endTurn, nil)
        }
    }

    /// `usage` → canonical (Anthropic's `input_tokens` excludes cache reads and writes).
    static func usage(_ value: JSONValue?) -> CanonicalUsage? {
        guard let value, value.objectValue != nil else { return nil }
        let uncached = value["input_tokens"]?.intValue ?? 0
        let read = value["cache_read_input_tokens"]?.intValue ?? 0
        let write = value["cache_creation_input_tokens"]?.intValue ?? 0
        var usage = CanonicalUsage(
            inputTokens: uncached + read + write, cachedInputTokens: read, cacheWriteTokens: write,
            outputTokens: value["output_tokens"]?.intValue ?? 0, reasoningTokens: 0)
        usage.cacheWrite1hTokens = min(write, value["cache_creation"]?["ephemeral_1h_input_tokens"]?.intValue ?? 0)
        return usage
    }

    /// Canonical → `usage`.
    static func usageJSON(_ usage: CanonicalUsage) -> JSONValue {
        [
            "input_tokens": .int(usage.uncachedInputTokens),
            "cache_creation_input_tokens": .int(usage.cacheWriteTokens),
            "cache_read_input_tokens": .int(usage.cachedInputTokens),
            "output_tokens": .int(usage.outputTokens),
        ]
    }

    /// A tool id as Anthropic accepts it (`^[a-zA-Z0-9_-]+$`), without any carried Gemini signature.
    static func toolID(_ id: String) -> String {
        let plain = SignatureCarrier.plainID(id)
        // Fast path: an id of ASCII letters, digits, `_` and `-` is already valid (no per-Character walk).
        if !plain.isEmpty, plain.utf8.allSatisfy({ isIDByte($0) }) { return plain }
        let cleaned = String(plain.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "_" })
        return cleaned.isEmpty ? "toolu_empty" : cleaned
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }
}
