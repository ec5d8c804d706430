import JunctionWire

extension AnthropicCodec {
    /// A Messages response → canonical.
    public func decodeResponse(_ body: JSONValue) throws -> CanonicalResponse {
        guard body.objectValue != nil, let content = body["content"]?.arrayValue else {
            throw TranslationError.invalidBody("Anthropic response has no 'content'")
        }
        var parts: [CanonicalPart] = []
        for block in content {
            switch block["type"]?.stringValue {
            case "text": parts.append(.text(block["text"]?.stringValue ?? ""))
            case "thinking":
                let signature = block["signature"]?.stringValue
                parts.append(CanonicalPart(.thinking(Thinking(text: block["thinking"]?.stringValue ?? "", signature: signature, origin: .anthropic))))
            case "redacted_thinking": parts.append(CanonicalPart(.redactedThinking(data: block["data"]?.stringValue ?? "")))
            case "tool_use":
                let call = ToolCall(id: block["id"]?.stringValue ?? Identifiers.make("toolu_"), name: block["name"]?.stringValue ?? "",
                                    argumentsJSON: (block["input"] ?? [:]).serializedString())
                parts.append(CanonicalPart(.toolCall(call)))
            default: continue
            }
        }
        return CanonicalResponse(
            id: body["id"]?.stringValue ?? Identifiers.make("msg_"), model: body["model"]?.stringValue ?? "", parts: parts,
            finishReason: Self.finishReason(body["stop_reason"]?.stringValue, stopSequence: body["stop_sequence"]?.stringValue),
            usage: Self.usage(body["usage"]))
    }

    /// Canonical → a Messages response.
    public func encodeResponse(_ response: CanonicalResponse, model: String) -> JSONValue {
        var content: [JSONValue] = []
        for part in response.parts {
            switch part.content {
            case .text(let text):
                content.append(["type": "text", "text": .string(text)])
                if let signature = part.thoughtSignature { content.append(Self.carriedSignatureBlock(signature)) }
            case .thinking(let thinking):
                let signature = thinking.signature.map { SignatureCarrier.wrap($0, origin: thinking.origin, for: .anthropic) } ?? ""
                content.append(["type": "thinking", "thinking": .string(thinking.text), "signature": .string(signature)])
            case .redactedThinking(let data): content.append(["type": "redacted_thinking", "data": .string(data)])
            case .toolCall(let call):
                content.append(["type": "tool_use", "id": .string(Self.clientToolID(call.id)), "name": .string(call.name), "input": JSONValue.arguments(call.argumentsJSON)])
            case .image, .toolResult: continue
            }
        }
        if let refusal = response.refusal, !refusal.isEmpty { content.append(["type": "text", "text": .string(refusal)]) }
        let stop = Self.stopReason(response.finishReason)
        return [
            "id": .string(Identifiers.client(response.id, prefix: "msg_")),
            "type": "message", "role": "assistant", "model": .string(model), "content": .array(content),
            "stop_reason": .string(stop.reason), "stop_sequence": stop.sequence.map(JSONValue.string) ?? .null,
            "usage": Self.usageJSON(response.usage ?? CanonicalUsage()),
        ]
    }

    /// A tool id shown to an Anthropic client: any carried Gemini signature stays, other characters are made safe.
    static func clientToolID(_ id: String) -> String {
        let (plain, signature) = SignatureCarrier.split(id)
        return SignatureCarrier.embed(signature: signature, in: toolID(plain))
    }
}
