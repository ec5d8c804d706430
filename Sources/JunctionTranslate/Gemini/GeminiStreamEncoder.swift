import JunctionWire

/// Canonical events → streamed `GenerateContentResponse` chunks, as `alt=sse` sends them.
///
/// Text and thoughts go out as they come; a function call is held until its arguments are complete
/// (Gemini sends calls whole), and the last chunk carries `finishReason` and `usageMetadata`.
struct GeminiStreamEncoder: StreamEncoding {
    private let model: String
    private var id = Identifiers.make("gen-")
    private var finished = false
    private var pending: [(index: Int, id: String, name: String, arguments: String)] = []
    private var usage: CanonicalUsage?
    private var reason: FinishReason?

    init(model: String) { self.model = model }

    mutating func encode(_ event: CanonicalStreamEvent) -> [ServerSentEvent] {
        guard !finished else { return [] }
        switch event {
        case .start(let id, _):
            if !id.isEmpty { self.id = id }
            return []
        case .usage(let usage):
            self.usage = usage
            return []
        case .finish(let reason):
            self.reason = reason
            return []
        case .textDelta(let text, let signature):
            guard !text.isEmpty || signature != nil else { return [] }
            return flushCalls() + [chunk([.object([("text", .string(text)), ("thoughtSignature", signature.map(JSONValue.string))])])]
        case .refusalDelta(let text):
            return flushCalls() + [chunk([["text": .string(text)]])]
        case .thinkingDelta(let text):
            guard !text.isEmpty else { return [] }
            return flushCalls() + [chunk([["text": .string(text), "thought": true]])]
        case .thinkingSignature(let signature, let origin):
            guard origin == .gemini else { return [] }
            return flushCalls() + [chunk([["text": "", "thought": true, "thoughtSignature": .string(signature)]])]
        case .redactedThinking:
            return []
        case .toolCallStart(let index, let id, let name):
            pending.append((index, id, name, ""))
            return []
        case .toolCallArgumentsDelta(let index, let piece):
            if let position = pending.firstIndex(where: { $0.index == index }) { pending[position].arguments += piece }
            return []
        case .end:
            return terminate()
        case .error(let error):
            finished = true
            return [GeminiCodec().streamErrorEvent(status: error.status, message: error.message)]
        }
    }

    mutating func finish() -> [ServerSentEvent] {
        finished ? [] : terminate()
    }

    private mutating func terminate() -> [ServerSentEvent] {
        finished = true
        let calls = callParts()
        var candidate: JSONObject = ["content": ["role": "model", "parts": .array(calls.isEmpty ? [["text": ""]] : calls)]]
        candidate["finishReason"] = .string(GeminiCodec.finishReasonString(reason))
        candidate["index"] = 0
        var body: JSONObject = ["candidates": [.object(candidate)]]
        if let usage { body["usageMetadata"] = GeminiCodec.usageJSON(usage) }
        body["modelVersion"] = .string(model)
        body["responseId"] = .string(id)
        return [ServerSentEvent(data: JSONValue.object(body).serializedString())]
    }

    private mutating func callParts() -> [JSONValue] {
        defer { pending = [] }
        return pending.compactMap { call in
            GeminiCodec.clientPart(CanonicalPart(.toolCall(ToolCall(id: call.id, name: call.name, argumentsJSON: call.arguments))))
        }
    }

    private mutating func flushCalls() -> [ServerSentEvent] {
        let calls = callParts()
        return calls.isEmpty ? [] : [chunk(calls)]
    }

    private func chunk(_ parts: [JSONValue]) -> ServerSentEvent {
        let body: JSONValue = [
            "candidates": [["content": ["role": "model", "parts": .array(parts)], "index": 0]],
            "modelVersion": .string(model), "responseId": .string(id),
        ]
        return ServerSentEvent(data: body.serializedString())
    }
}
