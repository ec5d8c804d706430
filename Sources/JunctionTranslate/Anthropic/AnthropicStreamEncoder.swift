import JunctionWire

/// Canonical events → an Anthropic Messages stream.
///
/// `message_start` is held until the first content (so it can carry the input usage when the provider
/// reports it up front); blocks are opened and closed as the kind of content changes, with indices
/// counted from 0; `message_delta` and `message_stop` close the stream.
struct AnthropicStreamEncoder: StreamEncoding {
    private enum Open: Equatable { case none, text, thinking, redacted, tool(Int) }

    private let model: String
    private var id = Identifiers.make("msg_")
    private var started = false
    private var finished = false
    private var open = Open.none
    private var nextIndex = 0
    private var toolBlocks: [Int: Int] = [:]
    private var usage = CanonicalUsage()
    private var reason: FinishReason?

    init(model: String) { self.model = model }

    mutating func encode(_ event: CanonicalStreamEvent) -> [ServerSentEvent] {
        guard !finished else { return [] }
        switch event {
        case .start(let id, _):
            if id.hasPrefix("msg_") { self.id = id }
            return []
        case .usage(let usage):
            self.usage = usage
            return []
        case .finish(let reason):
            self.reason = reason
            return []
        case .textDelta(let text, let signature?):
            // A Gemini signature on a text part: the text, then an opaque block the client returns as is.
            var out = text.isEmpty ? begin() : encode(.textDelta(text, thoughtSignature: nil))
            if open != .none { out += closeBlock() }
            out += openBlock(.redacted, AnthropicCodec.carriedSignatureBlock(signature)) + closeBlock()
            return out
        case .textDelta(let text, nil), .refusalDelta(let text):
            guard !text.isEmpty else { return [] }
            var out = begin()
            if open != .text { out += openBlock(.text, ["type": "text", "text": ""]) }
            return out + [delta(["type": "text_delta", "text": .string(text)])]
        case .thinkingDelta(let text):
            var out = begin()
            if open != .thinking { out += openBlock(.thinking, ["type": "thinking", "thinking": "", "signature": ""]) }
            return text.isEmpty ? out : out + [delta(["type": "thinking_delta", "thinking": .string(text)])]
        case .thinkingSignature(let signature, let origin):
            var out = begin()
            if open != .thinking { out += openBlock(.thinking, ["type": "thinking", "thinking": "", "signature": ""]) }
            out.append(delta(["type": "signature_delta", "signature": .string(SignatureCarrier.wrap(signature, origin: origin, for: .anthropic))]))
            return out + closeBlock()
        case .redactedThinking(let data):
            return begin() + openBlock(.redacted, ["type": "redacted_thinking", "data": .string(data)]) + closeBlock()
        case .toolCallStart(let index, let id, let name):
            var out = begin()
            out += openBlock(.tool(index), ["type": "tool_use", "id": .string(AnthropicCodec.clientToolID(id)), "name": .string(name), "input": [:]])
            toolBlocks[index] = nextIndex - 1
            return out
        case .toolCallArgumentsDelta(let index, let piece):
            guard let block = toolBlocks[index] else { return [] }
            return [Self.event(AnthropicWire.Event.contentBlockDelta, ["type": "content_block_delta", "index": .int(block), "delta": ["type": "input_json_delta", "partial_json": .string(piece)]])]
        case .end:
            return terminate()
        case .error(let error):
            finished = true
            return [AnthropicCodec().streamErrorEvent(status: error.status, message: error.message)]
        }
    }

    mutating func finish() -> [ServerSentEvent] {
        finished ? [] : terminate()
    }

    private mutating func terminate() -> [ServerSentEvent] {
        var out = begin() + closeBlock()
        let stop = AnthropicCodec.stopReason(reason)
        out.append(Self.event(AnthropicWire.Event.messageDelta, [
            "type": "message_delta",
            "delta": ["stop_reason": .string(stop.reason), "stop_sequence": stop.sequence.map(JSONValue.string) ?? .null],
            "usage": AnthropicCodec.usageJSON(usage),
        ]))
        out.append(Self.event(AnthropicWire.Event.messageStop, ["type": "message_stop"]))
        finished = true
        return out
    }

    private mutating func begin() -> [ServerSentEvent] {
        guard !started else { return [] }
        started = true
        var startUsage = AnthropicCodec.usageJSON(usage)
        startUsage["output_tokens"] = .int(min(usage.outputTokens, 1))
        return [Self.event(AnthropicWire.Event.messageStart, [
            "type": "message_start",
            "message": [
                "id": .string(id), "type": "message", "role": "assistant", "model": .string(model), "content": [],
                "stop_reason": .null, "stop_sequence": .null, "usage": startUsage,
            ],
        ])]
    }

    private mutating func openBlock(_ kind: Open, _ block: JSONValue) -> [ServerSentEvent] {
        var out = closeBlock()
        out.append(Self.event(AnthropicWire.Event.contentBlockStart, ["type": "content_block_start", "index": .int(nextIndex), "content_block": block]))
        nextIndex += 1
        open = kind
        return out
    }

    private mutating func closeBlock() -> [ServerSentEvent] {
        guard nextIndex > 0, open != .none else { return [] }
        open = .none
        return [Self.event(AnthropicWire.Event.contentBlockStop, ["type": "content_block_stop", "index": .int(nextIndex - 1)])]
    }

    private func delta(_ delta: JSONValue) -> ServerSentEvent {
        Self.event(AnthropicWire.Event.contentBlockDelta, ["type": "content_block_delta", "index": .int(nextIndex - 1), "delta": delta])
    }

    static func event(_ name: String, _ data: JSONValue) -> ServerSentEvent {
        ServerSentEvent(event: name, data: data.serializedString())
    }
}
