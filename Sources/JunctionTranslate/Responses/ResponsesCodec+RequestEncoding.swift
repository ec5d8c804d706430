import JunctionWire

extension ResponsesCodec {
    /// Canonical → a Responses request.
    ///
    /// For a client of another format the request is made stateless: `store: false`, and when reasoning is
    /// on, `include: ["reasoning.encrypted_content"]` so that reasoning can be carried to the next turn.
    public func encodeRequest(_ request: CanonicalRequest, upstreamModel: String, stream: Bool) throws -> JSONValue {
        var body = JSONObject()
        body["model"] = .string(upstreamModel)
        body["instructions"] = request.systemText.map(JSONValue.string)
        var input: [JSONValue] = []
        for message in request.messages { input += Self.encodeItems(message) }
        body["input"] = .array(input)

        var tools: [JSONValue] = request.tools.map { tool in
            .object([
                ("type", "function"), ("name", .string(tool.name)), ("description", tool.description.map(JSONValue.string)),
                ("parameters", tool.parameters), ("strict", .bool(tool.strict ?? false)),
            ])
        }
        let extras = request.extras(for: .openAIResponses)
        tools += extras["tools"]?.elements ?? []
        if !tools.isEmpty { body["tools"] = .array(tools) }
        switch tools.isEmpty ? nil : request.toolChoice {
        case .auto?: body["tool_choice"] = "auto"
        case .none?: body["tool_choice"] = "none"
        case .required?: body["tool_choice"] = "required"
        case .tool(let name)?: body["tool_choice"] = ["type": "function", "name": .string(name)]
        case nil: break
        }
        body["parallel_tool_calls"] = request.parallelToolCalls.map(JSONValue.bool)
        body["max_output_tokens"] = request.parameters.maxTokens.map(JSONValue.int)
        body["temperature"] = request.parameters.temperature
        body["top_p"] = request.parameters.topP
        if let reasoning = request.reasoning, let effort = reasoning.effectiveEffort {
            var object: JSONObject = ["effort": .string(effort.rawValue)]
            if let summary = reasoning.summary { object["summary"] = .string(summary) }
            else if reasoning.includeThoughts == true, effort != .none { object["summary"] = "auto" }
            body["reasoning"] = .object(object)
        }
        switch request.responseFormat {
        case .jsonObject?: body["text"] = ["format": ["type": "json_object"]]
        case .jsonSchema(let name, let schema, let strict, let description)?:
            body["text"] = ["format": .object([
                ("type", "json_schema"), ("name", .string(name)), ("description", description.map(JSONValue.string)),
                ("schema", schema), ("strict", strict.map(JSONValue.bool)),
            ])]
        case .text?, nil: break
        }
        body["user"] = request.user.map(JSONValue.string)
        body["metadata"] = request.metadata.map(JSONValue.object)
        if request.extrasFormat != .openAIResponses {
            body["store"] = false
            if let reasoning = request.reasoning, !reasoning.isDisabled { body["include"] = ["reasoning.encrypted_content"] }
        }
        if stream { body["stream"] = true }
        body.merge(missingFrom: extras.removing(["tools"]))
        return .object(body)
    }

    static func encodeItems(_ message: CanonicalMessage) -> [JSONValue] {
        var items: [JSONValue] = []
        var content: [JSONValue] = []
        let textType: JSONValue = message.role == .assistant ? "output_text" : "input_text"
        func flush() {
            guard !content.isEmpty else { return }
            items.append(["type": "message", "role": .string(message.role.rawValue), "content": .array(content)])
            content = []
        }
        for part in message.parts {
            switch part.content {
            case .text(let text):
                content.append(message.role == .assistant
                    ? ["type": textType, "text": .string(text), "annotations": []]
                    : ["type": textType, "text": .string(text)])
            case .image(let source):
                content.append(["type": "input_image", "image_url": .string(source.urlString)])
            case .toolCall(let call):
                flush()
                items.append(["type": "function_call", "call_id": .string(SignatureCarrier.plainID(call.id)), "name": .string(call.name),
                              "arguments": .string(call.argumentsJSON.isEmpty ? "{}" : call.argumentsJSON)])
            case .toolResult(let result):
                flush()
                let output: JSONValue
                if result.content.allSatisfy({ $0.text != nil }) {
                    var text = result.content.compactMap(\.text).joined(separator: "\n")
                    if result.isError, !text.hasPrefix("Error") { text = "Error: " + text }
                    output = .string(text)
                } else {
                    output = .array(result.content.compactMap { inner in
                        switch inner.content {
                        case .text(let text): ["type": "input_text", "text": .string(text)]
                        case .image(let source): ["type": "input_image", "image_url": .string(source.urlString)]
                        default: nil
                        }
                    })
                }
                items.append(["type": "function_call_output", "call_id": .string(SignatureCarrier.plainID(result.callID)), "output": output])
            case .thinking(let thinking):
                guard thinking.origin == .openAIResponses, let signature = thinking.signature else { continue }
                flush()
                let summary: JSONValue = thinking.text.isEmpty ? [] : [["type": "summary_text", "text": .string(thinking.text)]]
                items.append(.object([
                    ("type", "reasoning"), ("id", thinking.itemID.map(JSONValue.string)), ("summary", summary),
                    ("encrypted_content", .string(signature)),
                ]))
            case .redactedThinking:
                continue
            }
        }
        flush()
        return items
    }
}
