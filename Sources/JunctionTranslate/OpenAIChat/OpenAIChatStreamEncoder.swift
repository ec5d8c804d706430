import JunctionWire

/// Canonical events → Chat Completions stream chunks, ending with a finish chunk, a usage chunk and `[DONE]`.
struct OpenAIChatStreamEncoder: StreamEncoding {
    private let model: String
    private var id = Identifiers.make("chatcmpl-")
    private let created = Identifiers.now()
    private var sentRole = false
    private var finished = false
    private var sawToolCall = false
    private var usage: CanonicalUsage?
    private var reason: FinishReason?
    private let includeUsage: Bool

    init(model: String, includeUsage: Bool) {
        self.model = model
        self.includeUsage = includeUsage
    }

    mutating func encode(_ event: CanonicalStreamEvent) -> [ServerSentEvent] {
        guard !finished else { return [] }
        switch event {
        case .start(let id, _):
            if id.hasPrefix("chatcmpl-") { self.id = id }
            return []
        case .usage(let usage):
            self.usage = usage
            return []
        case .finish(let reason):
            self.reason = reason
            return []
        case .textDelta(let text, _):
            return text.isEmpty ? [] : chunk(["content": .string(text)])
        case .thinkingDelta(let text):
            return text.isEmpty ? [] : chunk(["reasoning_content": .string(text)])
        case .refusalDelta(let text):
            return chunk(["refusal": .string(text)])
        case .thinkingSignature, .redactedThinking:
            return []
        case .toolCallStart(let index, let id, let name):
            sawToolCall = true
            return chunk(["tool_calls": [["index": .int(index), "id": .string(id), "type": "function", "function": ["name": .string(name), "arguments": ""]]]])
        case .toolCallArgumentsDelta(let index, let piece):
            return chunk(["tool_calls": [["index": .int(index), "function": ["arguments": .string(piece)]]]])
        case .end:
            return terminate()
        case .error(let error):
            finished = true
            return [OpenAIChatCodec().streamErrorEvent(status: error.status, message: error.message)]
        }
    }

    mutating func finish() -> [ServerSentEvent] {
        finished ? [] : terminate()
    }

    private mutating func terminate() -> [ServerSentEvent] {
        var out = sentRole ? [] : chunk([:])
        var final = reason
        if sawToolCall, final == nil || final == .stop { final = .toolCalls }
        out.append(event(["id": .string(id), "object": .string(OpenAIChatWire.chunkObject), "created": .int(created), "model": .string(model),
                          "choices": [["index": 0, "delta": [:], "logprobs": .null, "finish_reason": .string(OpenAIChatCodec.finishReasonString(final))]]]))
        if includeUsage, let usage {
            out.append(event(["id": .string(id), "object": .string(OpenAIChatWire.chunkObject), "created": .int(created), "model": .string(model),
                              "choices": [], "usage": OpenAIChatCodec.usageJSON(usage)]))
        }
        out.append(ServerSentEvent(data: OpenAIChatWire.doneSentinel))
        finished = true
        return out
    }

    private mutating func chunk(_ delta: JSONObject) -> [ServerSentEvent] {
        var delta = delta
        if !sentRole {
            sentRole = true
            var first: JSONObject = ["role": "assistant"]
            if delta["content"] == nil, delta["tool_calls"] == nil { first["content"] = "" }
            first.merge(missingFrom: delta)
            delta = first
        }
        return [event(["id": .string(id), "object": .string(OpenAIChatWire.chunkObject), "created": .int(created), "model": .string(model),
                       "choices": [["index": 0, "delta": .object(delta), "logprobs": .null, "finish_reason": .null]]])]
    }

    private func event(_ data: JSONValue) -> ServerSentEvent { ServerSentEvent(data: data.serializedString()) }
}
