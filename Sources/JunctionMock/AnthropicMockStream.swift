import JunctionWire

/// The event sequence Anthropic documents for a streamed message.
///
/// `message_start`, then for each content block `content_block_start`, its deltas
/// (`thinking_delta` and one `signature_delta`, `text_delta`, or `input_json_delta` pieces) and
/// `content_block_stop`, with a `ping` after the first block starts; then `message_delta`
/// (stop reason and cumulative usage) and `message_stop`.
enum AnthropicMockStream {
    static func events(id: String, model: String, answer: MockAnswer, cache: AnthropicMockResponses.CacheUse, toolID: String) -> [ServerSentEvent] {
        var usage = AnthropicMockResponses.usage(answer, cache: cache)
        usage["output_tokens"] = 1
        var events: [JSONValue] = [
            [
                "type": "message_start",
                "message": [
                    "id": .string(id), "type": "message", "role": "assistant", "model": .string(model), "content": [],
                    "stop_reason": .null, "stop_sequence": .null, "usage": usage,
                ],
            ]
        ]
        var index = 0
        func block(_ start: JSONValue, deltas: [JSONValue]) {
            events.append(["type": "content_block_start", "index": .int(index), "content_block": start])
            if index == 0 { events.append(["type": "ping"]) }
            for delta in deltas { events.append(["type": "content_block_delta", "index": .int(index), "delta": delta]) }
            events.append(["type": "content_block_stop", "index": .int(index)])
            index += 1
        }
        if let thinking = answer.thinking, let text = answer.thinkingText {
            var deltas: [JSONValue] = MockAnswer.deltas(thinking).map { ["type": "thinking_delta", "thinking": .string($0)] }
            deltas.append(["type": "signature_delta", "signature": .string(MockAnswer.signature(for: text))])
            block(["type": "thinking", "thinking": "", "signature": ""], deltas: deltas)
        }
        if let call = answer.toolCall {
            block(
                ["type": "tool_use", "id": .string(toolID), "name": .string(call.name), "input": [:]],
                deltas: call.pieces.map { ["type": "input_json_delta", "partial_json": .string($0)] })
        } else {
            block(["type": "text", "text": ""], deltas: MockAnswer.deltas(answer.words).map { ["type": "text_delta", "text": .string($0)] })
        }
        var finalUsage = AnthropicMockResponses.usage(answer, cache: cache)
        finalUsage["service_tier"] = nil
        finalUsage["cache_creation"] = nil
        events.append([
            "type": "message_delta", "delta": ["stop_reason": .string(AnthropicMockResponses.stopReason(answer)), "stop_sequence": .null],
            "usage": finalUsage,
        ])
        events.append(["type": "message_stop"])
        return events.map(ServerSentEvent.typed)
    }

    /// The `error` event Anthropic sends inside a 200 stream.
    static func errorEvent(message: String?) -> ServerSentEvent {
        ServerSentEvent.typed(["type": "error", "error": ["type": "overloaded_error", "message": .string(message ?? "Overloaded")]])
    }
}
