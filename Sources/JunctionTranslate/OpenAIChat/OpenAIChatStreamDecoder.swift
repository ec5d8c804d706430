import JunctionWire

/// Chat Completions stream chunks → canonical events.
///
/// Tool calls are told apart by their `index` in `delta.tool_calls`; each new index starts a call and
/// later pieces of its `arguments` are forwarded as they come.
struct OpenAIChatStreamDecoder: StreamDecoding {
    private var started = false
    private var ended = false
    private var finished = false
    private var sawToolCall = false
    private var tools: [Int: Int] = [:]

    mutating func decode(_ event: ServerSentEvent) throws -> [CanonicalStreamEvent] {
        let data = event.data.trimmed()
        guard !data.isEmpty, !ended else { return [] }
        if data == OpenAIChatWire.doneSentinel {
            ended = true
            return [.end]
        }
        let chunk: JSONValue
        do { chunk = try JSONValue(parsing: data) } catch { throw TranslationError.invalidStream("OpenAI stream chunk is not JSON: \(error)") }
        if let error = OpenAIChatCodec().decodeError(chunk, status: 500) {
            ended = true
            return [.error(error)]
        }
        var events: [CanonicalStreamEvent] = []
        if !started {
            started = true
            events.append(.start(id: chunk["id"]?.stringValue ?? Identifiers.make("chatcmpl-"), model: chunk["model"]?.stringValue ?? ""))
        }
        if let choice = chunk["choices"]?[0] {
            let delta = choice["delta"] ?? [:]
            if let reasoning = delta["reasoning_content"]?.stringValue ?? delta["reasoning"]?.stringValue, !reasoning.isEmpty {
                events.append(.thinkingDelta(reasoning))
            }
            if let text = delta["content"]?.stringValue, !text.isEmpty { events.append(.textDelta(text, thoughtSignature: nil)) }
            if let refusal = delta["refusal"]?.stringValue, !refusal.isEmpty { events.append(.refusalDelta(refusal)) }
            for call in delta["tool_calls"]?.elements ?? [] {
                let wireIndex = call["index"]?.intValue ?? tools.count
                let index: Int
                if let known = tools[wireIndex] {
                    index = known
                } else {
                    index = tools.count
                    tools[wireIndex] = index
                    sawToolCall = true
                    events.append(.toolCallStart(index: index, id: call["id"]?.stringValue ?? Identifiers.make("call_"), name: call["function"]?["name"]?.stringValue ?? ""))
                }
                if let piece = call["function"]?["arguments"]?.stringValue, !piece.isEmpty {
                    events.append(.toolCallArgumentsDelta(index: index, piece))
                }
            }
            if let reason = OpenAIChatCodec.finishReason(choice["finish_reason"]?.stringValue) {
                finished = true
                events.append(.finish(reason == .stop && sawToolCall ? .toolCalls : reason))
            }
        }
        if let usage = OpenAIChatCodec.usage(chunk["usage"]) { events.append(.usage(usage)) }
        return events
    }

    mutating func finish() -> [CanonicalStreamEvent] {
        guard !ended else { return [] }
        ended = true
        if finished { return [.end] }
        return [.error(CanonicalError(status: 502, message: "the upstream stream ended before a finish_reason", type: "server_error"))]
    }
}
