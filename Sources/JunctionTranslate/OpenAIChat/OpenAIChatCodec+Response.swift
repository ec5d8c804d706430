import JunctionWire

extension OpenAIChatCodec {
    /// A `chat.completion` → canonical (the first choice).
    public func decodeResponse(_ body: JSONValue) throws -> CanonicalResponse {
        guard let choice = body["choices"]?[0], let message = choice["message"] else {
            throw TranslationError.invalidBody("OpenAI response has no choices[0].message")
        }
        var parts = Self.decodeAssistant(message).parts
        for index in parts.indices {
            if case .toolCall(var call) = parts[index].content, call.id.isEmpty {
                call.id = Identifiers.make("call_")
                parts[index].content = .toolCall(call)
            }
        }
        let refusal = message["refusal"]?.stringValue
        var reason = Self.finishReason(choice["finish_reason"]?.stringValue)
        if refusal != nil, reason == .stop { reason = .refusal }
        return CanonicalResponse(
            id: body["id"]?.stringValue ?? Identifiers.make("chatcmpl-"), model: body["model"]?.stringValue ?? "", parts: parts,
            finishReason: reason, usage: Self.usage(body["usage"]), refusal: refusal, created: body["created"]?.intValue)
    }

    /// Canonical → a `chat.completion`.
    public func encodeResponse(_ response: CanonicalResponse, model: String) -> JSONValue {
        var text = ""
        var reasoning = ""
        var calls: [JSONValue] = []
        for part in response.parts {
            switch part.content {
            case .text(let piece): text += piece
            case .thinking(let thinking): reasoning += thinking.text
            case .toolCall(let call):
                calls.append(["id": .string(call.id), "type": "function", "function": ["name": .string(call.name), "arguments": .string(call.argumentsJSON)]])
            default: continue
            }
        }
        var message: JSONObject = ["role": "assistant", "content": text.isEmpty && (!calls.isEmpty || response.refusal != nil) ? .null : .string(text)]
        if !reasoning.isEmpty { message["reasoning_content"] = .string(reasoning) }
        if !calls.isEmpty { message["tool_calls"] = .array(calls) }
        message["refusal"] = response.refusal.map(JSONValue.string) ?? .null
        var reason = response.finishReason
        if !calls.isEmpty, reason == .stop || reason == nil { reason = .toolCalls }
        if reason == .refusal, response.refusal != nil { reason = .stop }
        var body: JSONObject = [
            "id": .string(Identifiers.client(response.id, prefix: "chatcmpl-")),
            "object": .string(OpenAIChatWire.completionObject), "created": .int(response.created ?? Identifiers.now()),
            "model": .string(model),
            "choices": [["index": 0, "message": .object(message), "logprobs": .null, "finish_reason": .string(Self.finishReasonString(reason))]],
        ]
        if let usage = response.usage { body["usage"] = Self.usageJSON(usage) }
        return .object(body)
    }
}
