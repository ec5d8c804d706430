import JunctionWire

extension ResponsesCodec {
    /// A `response` object → canonical.
    public func decodeResponse(_ body: JSONValue) throws -> CanonicalResponse {
        guard let output = body["output"]?.arrayValue else { throw TranslationError.invalidBody("Responses response has no 'output'") }
        var parts: [CanonicalPart] = []
        var refusal: String?
        for item in output {
            switch item["type"]?.stringValue {
            case "message":
                for content in item["content"]?.elements ?? [] {
                    if let text = content["text"]?.stringValue { parts.append(.text(text)) }
                    if let text = content["refusal"]?.stringValue { refusal = (refusal ?? "") + text }
                }
            case "function_call":
                let call = ToolCall(
                    id: item["call_id"]?.stringValue ?? Identifiers.make("call_"), name: item["name"]?.stringValue ?? "",
                    argumentsJSON: item["arguments"]?.textOrJSON ?? "{}")
                parts.append(CanonicalPart(.toolCall(call)))
            case "reasoning":
                parts.append(Self.thinking(fromItem: item, client: false))
            default: continue
            }
        }
        let hasCalls = parts.contains { if case .toolCall = $0.content { true } else { false } }
        var reason = Self.finishReason(status: body["status"]?.stringValue, incomplete: body["incomplete_details"], hasToolCalls: hasCalls)
        if refusal != nil, reason == .stop { reason = .refusal }
        return CanonicalResponse(
            id: body["id"]?.stringValue ?? Identifiers.make("resp_"), model: body["model"]?.stringValue ?? "", parts: parts,
            finishReason: reason, usage: Self.usage(body["usage"]), refusal: refusal, created: body["created_at"]?.intValue)
    }

    /// Canonical → a `response` object.
    public func encodeResponse(_ response: CanonicalResponse, model: String) -> JSONValue {
        var output: [JSONValue] = []
        var text: [JSONValue] = []
        func flushText() {
            guard !text.isEmpty else { return }
            output.append(["id": .string(Identifiers.make("msg_")), "type": "message", "status": "completed", "role": "assistant", "content": .array(text)])
            text = []
        }
        for part in response.parts {
            switch part.content {
            case .text(let piece): text.append(["type": "output_text", "text": .string(piece), "annotations": []])
            case .thinking(let thinking):
                flushText()
                output.append(Self.reasoningItem(id: thinking.itemID ?? Identifiers.make("rs_"), text: thinking.text,
                                                 signature: thinking.signature.map { SignatureCarrier.wrap($0, origin: thinking.origin, for: .openAIResponses) }))
            case .toolCall(let call):
                flushText()
                output.append(["id": .string(Identifiers.make("fc_")), "type": "function_call", "status": "completed",
                               "arguments": .string(call.argumentsJSON), "call_id": .string(call.id), "name": .string(call.name)])
            default: continue
            }
        }
        if let refusal = response.refusal { text.append(["type": "refusal", "refusal": .string(refusal)]) }
        flushText()
        let status = Self.statusJSON(response.finishReason)
        var body: JSONObject = [
            "id": .string(Identifiers.client(response.id, prefix: "resp_")), "object": "response",
            "created_at": .int(response.created ?? Identifiers.now()), "status": .string(status.status), "error": .null,
            "incomplete_details": status.incomplete, "model": .string(model), "output": .array(output),
        ]
        if let usage = response.usage { body["usage"] = Self.usageJSON(usage) }
        return .object(body)
    }

    static func reasoningItem(id: String, text: String, signature: String?) -> JSONValue {
        let summary: JSONValue = text.isEmpty ? [] : [["type": "summary_text", "text": .string(text)]]
        return .object([("id", .string(id)), ("type", "reasoning"), ("summary", summary), ("encrypted_content", signature.map(JSONValue.string))])
    }
}
