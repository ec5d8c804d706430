import JunctionWire

/// Streamed `GenerateContentResponse` chunks (`alt=sse`) → canonical events.
///
/// Gemini sends each function call whole, so a call becomes a start and one arguments piece. The stream
/// has no terminal event: it is complete when a chunk carried a `finishReason`.
struct GeminiStreamDecoder: StreamDecoding {
    private var started = false
    private var finished = false
    private var ended = false
    private var toolCount = 0

    mutating func decode(_ event: ServerSentEvent) throws -> [CanonicalStreamEvent] {
        let data = event.data.trimmed()
        guard !data.isEmpty, !ended else { return [] }
        let chunk: JSONValue
        do { chunk = try JSONValue(parsing: data) } catch { throw TranslationError.invalidStream("Gemini stream chunk is not JSON: \(error)") }
        if let error = GeminiCodec().decodeError(chunk, status: 500) {
            ended = true
            return [.error(error)]
        }
        var events: [CanonicalStreamEvent] = []
        if !started {
            started = true
            events.append(.start(id: chunk["responseId"]?.stringValue ?? Identifiers.make("gen-"), model: chunk["modelVersion"]?.stringValue ?? ""))
        }
        if let usage = GeminiCodec.usage(chunk["usageMetadata"]) { events.append(.usage(usage)) }
        let candidate = chunk["candidates"]?[0]
        for part in candidate?["content"]?["parts"]?.elements ?? [] {
            guard let decoded = GeminiCodec.decodeResponsePart(part, makeID: { Identifiers.make("call_") }) else { continue }
            switch decoded.content {
            case .text(let text): events.append(.textDelta(text, thoughtSignature: decoded.thoughtSignature))
            case .thinking(let thinking):
                if !thinking.text.isEmpty { events.append(.thinkingDelta(thinking.text)) }
                if let signature = thinking.signature { events.append(.thinkingSignature(signature, origin: .gemini)) }
            case .toolCall(let call):
                events.append(.toolCallStart(index: toolCount, id: call.id, name: call.name))
                events.append(.toolCallArgumentsDelta(index: toolCount, call.argumentsJSON))
                toolCount += 1
            default: continue
            }
        }
        if let reason = GeminiCodec.finishReason(candidate?["finishReason"]?.stringValue, hasToolCalls: toolCount > 0) {
            finished = true
            events.append(.finish(reason))
        } else if candidate == nil, chunk["promptFeedback"]?["blockReason"] != nil {
            finished = true
            events.append(.finish(.contentFilter))
        }
        return events
    }

    mutating func finish() -> [CanonicalStreamEvent] {
        guard !ended else { return [] }
        ended = true
        if finished { return [.end] }
        return [.error(CanonicalError(status: 502, message: "the upstream stream ended before a finishReason", type: "INTERNAL"))]
    }
}
