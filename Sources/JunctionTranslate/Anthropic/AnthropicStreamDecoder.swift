import JunctionWire

/// Anthropic Messages stream events → canonical events.
struct AnthropicStreamDecoder: StreamDecoding {
    private enum Block { case text, thinking, redacted, tool(Int), other }

    private var blocks: [Int: Block] = [:]
    private var toolCount = 0
    private var usage = CanonicalUsage()
    private var ended = false

    mutating func decode(_ event: ServerSentEvent) throws -> [CanonicalStreamEvent] {
        let data = event.data.trimmed()
        guard !data.isEmpty, !ended else { return [] }
        let json: JSONValue
        do { json = try JSONValue(parsing: data) } catch { throw TranslationError.invalidStream("Anthropic stream event is not JSON: \(error)") }
        switch json["type"]?.stringValue ?? event.event {
        case AnthropicWire.Event.messageStart:
            let message = json["message"]
            var events: [CanonicalStreamEvent] = [.start(id: message?["id"]?.stringValue ?? Identifiers.make("msg_"), model: message?["model"]?.stringValue ?? "")]
            if let start = AnthropicCodec.usage(message?["usage"]) {
                usage = start
                events.append(.usage(usage))
            }
            return events
        case AnthropicWire.Event.contentBlockStart:
            return startBlock(index: json["index"]?.intValue ?? 0, block: json["content_block"] ?? [:])
        case AnthropicWire.Event.contentBlockDelta:
            return delta(index: json["index"]?.intValue ?? 0, delta: json["delta"] ?? [:])
        case AnthropicWire.Event.messageDelta:
            var events: [CanonicalStreamEvent] = []
            if let delta = json["usage"] {
                if let output = delta["output_tokens"]?.intValue { usage.outputTokens = output }
                let read = delta["cache_read_input_tokens"]?.intValue ?? usage.cachedInputTokens
                let write = delta["cache_creation_input_tokens"]?.intValue ?? usage.cacheWriteTokens
                if let input = delta["input_tokens"]?.intValue { usage.inputTokens = input + read + write }
                else { usage.inputTokens = usage.uncachedInputTokens + read + write }
                usage.cachedInputTokens = read
                usage.cacheWriteTokens = write
                if let long = delta["cache_creation"]?["ephemeral_1h_input_tokens"]?.intValue { usage.cacheWrite1hTokens = min(write, long) }
                events.append(.usage(usage))
            }
            if let reason = AnthropicCodec.finishReason(json["delta"]?["stop_reason"]?.stringValue, stopSequence: json["delta"]?["stop_sequence"]?.stringValue) {
                events.append(.finish(reason))
            }
            return events
        case AnthropicWire.Event.messageStop:
            ended = true
            return [.end]
        case AnthropicWire.Event.error:
            ended = true
            let type = json["error"]?["type"]?.stringValue ?? "api_error"
            return [.error(CanonicalError(status: AnthropicWire.status(errorType: type), message: json["error"]?["message"]?.stringValue ?? "upstream error", type: type))]
        default:
            return []
        }
    }

    mutating func finish() -> [CanonicalStreamEvent] {
        guard !ended else { return [] }
        ended = true
        return [.error(CanonicalError(status: 502, message: "the upstream stream ended before message_stop", type: "api_error"))]
    }

    private mutating func startBlock(index: Int, block: JSONValue) -> [CanonicalStreamEvent] {
        switch block["type"]?.stringValue {
        case "text":
            blocks[index] = .text
            let text = block["text"]?.stringValue ?? ""
            return text.isEmpty ? [] : [.textDelta(text, thoughtSignature: nil)]
        case "thinking":
            blocks[index] = .thinking
            let text = block["thinking"]?.stringValue ?? ""
            return text.isEmpty ? [] : [.thinkingDelta(text)]
        case "redacted_thinking":
            blocks[index] = .redacted
            return [.redactedThinking(block["data"]?.stringValue ?? "")]
        case "tool_use":
            let tool = toolCount
            toolCount += 1
            blocks[index] = .tool(tool)
            var events: [CanonicalStreamEvent] = [.toolCallStart(index: tool, id: block["id"]?.stringValue ?? Identifiers.make("toolu_"), name: block["name"]?.stringValue ?? "")]
            if let input = block["input"], let object = input.objectValue, object.count > 0 {
                events.append(.toolCallArgumentsDelta(index: tool, input.serializedString()))
            }
            return events
        default:
            blocks[index] = .other
            return []
        }
    }

    private func delta(index: Int, delta: JSONValue) -> [CanonicalStreamEvent] {
        switch delta["type"]?.stringValue {
        case "text_delta":
            return [.textDelta(delta["text"]?.stringValue ?? "", thoughtSignature: nil)]
        case "thinking_delta":
            return [.thinkingDelta(delta["thinking"]?.stringValue ?? "")]
        case "signature_delta":
            return [.thinkingSignature(delta["signature"]?.stringValue ?? "", origin: .anthropic)]
        case "input_json_delta":
            guard case .tool(let tool)? = blocks[index] else { return [] }
            let piece = delta["partial_json"]?.stringValue ?? ""
            return piece.isEmpty ? [] : [.toolCallArgumentsDelta(index: tool, piece)]
        default:
            return []
        }
    }
}
