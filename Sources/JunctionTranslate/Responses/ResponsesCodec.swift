import JunctionWire

/// The OpenAI Responses codec (`/v1/responses`).
///
/// Requests are translated statelessly: `previous_response_id` and `item_reference` need the provider's
/// stored state, so they are kept only for a Responses target and rejected for any other. Reasoning items
/// keep their `encrypted_content`, which is sent back only to Responses targets.
public struct ResponsesCodec: FormatCodec {
    /// The format this codec speaks.
    public static let format = APIFormat.openAIResponses

    /// A codec.
    public init() {}

    /// The Responses error body, the same shape as Chat Completions.
    public func errorBody(status: Int, message: String, type: String?) -> JSONValue {
        OpenAIChatCodec().errorBody(status: status, message: message, type: type)
    }

    /// The in-stream `error` event.
    public func streamErrorEvent(status: Int, message: String) -> ServerSentEvent {
        let data: JSONValue = ["type": "error", "code": .string(OpenAIChatWire.errorType(status: status)), "message": .string(message), "param": .null]
        return ServerSentEvent(event: ResponsesWire.Event.error, data: data.serializedString())
    }

    /// Reads `{"error":{...}}`.
    public func decodeError(_ body: JSONValue, status: Int) -> CanonicalError? {
        OpenAIChatCodec().decodeError(body, status: status)
    }

    /// A fresh stream decoder.
    public func makeStreamDecoder() -> any StreamDecoding { ResponsesStreamDecoder() }

    /// A fresh stream encoder.
    public func makeStreamEncoder(model: String) -> any StreamEncoding { ResponsesStreamEncoder(model: model) }
}

extension ResponsesCodec {
    /// `usage` → canonical.
    static func usage(_ value: JSONValue?) -> CanonicalUsage? {
        guard let value, value.objectValue != nil else { return nil }
        return CanonicalUsage(
            inputTokens: value["input_tokens"]?.intValue ?? 0,
            cachedInputTokens: value["input_tokens_details"]?["cached_tokens"]?.intValue ?? 0,
            cacheWriteTokens: value["input_tokens_details"]?["cache_write_tokens"]?.intValue ?? 0,
            outputTokens: value["output_tokens"]?.intValue ?? 0,
            reasoningTokens: value["output_tokens_details"]?["reasoning_tokens"]?.intValue ?? 0)
    }

    /// Canonical → `usage`.
    static func usageJSON(_ usage: CanonicalUsage) -> JSONValue {
        var input: JSONObject = ["cached_tokens": .int(usage.cachedInputTokens)]
        if usage.cacheWriteTokens > 0 { input["cache_write_tokens"] = .int(usage.cacheWriteTokens) }
        return [
            "input_tokens": .int(usage.inputTokens), "input_tokens_details": .object(input),
            "output_tokens": .int(usage.outputTokens), "output_tokens_details": ["reasoning_tokens": .int(usage.reasoningTokens)],
            "total_tokens": .int(usage.totalTokens),
        ]
    }

    /// `status` and `incomplete_details` → canonical, given whether the output holds function calls.
    static func finishReason(status: String?, incomplete: JSONValue?, hasToolCalls: Bool) -> FinishReason? {
        switch status {
        case "incomplete"?:
            switch incomplete?["reason"]?.stringValue {
            case ResponsesWire.IncompleteReason.maxOutputTokens?: return .length
            case ResponsesWire.IncompleteReason.contentFilter?: return .contentFilter
            case let other?: return .other(other)
            case nil: return .length
            }
        case "completed"?: return hasToolCalls ? .toolCalls : .stop
        case nil: return nil
        case let other?: return .other(other)
        }
    }

    /// Canonical → `status` and `incomplete_details`.
    static func statusJSON(_ reason: FinishReason?) -> (status: String, incomplete: JSONValue) {
        switch reason {
        case .length?: ("incomplete", ["reason": .string(ResponsesWire.IncompleteReason.maxOutputTokens)])
        case .contentFilter?: ("incomplete", ["reason": .string(ResponsesWire.IncompleteReason.contentFilter)])
        default: ("completed", .null)
        }
    }

    /// A reasoning item → a canonical thinking part.
    static func thinking(fromItem item: JSONValue, client: Bool) -> CanonicalPart {
        let summary = (item["summary"]?.elements ?? []).compactMap { $0["text"]?.stringValue }.joined(separator: "\n\n")
        let text = summary.isEmpty ? (item["content"]?.elements ?? []).compactMap { $0["text"]?.stringValue }.joined() : summary
        var signature = item["encrypted_content"]?.stringValue
        var origin: APIFormat? = .openAIResponses
        if client, let raw = signature {
            let unwrapped = SignatureCarrier.unwrap(raw, from: .openAIResponses)
            signature = unwrapped.signature
            origin = unwrapped.origin
        }
        return CanonicalPart(.thinking(Thinking(text: text, signature: signature, origin: origin, itemID: item["id"]?.stringValue)))
    }
}
