import JunctionWire

extension ToolOutputSaver {
    /// OpenAI Chat Completions: `role: tool` messages, matched to the assistant's `tool_calls` by id.
    func compressOpenAIChat(_ body: inout JSONValue, report: inout SaverReport) {
        guard var messages = body["messages"]?.arrayValue else { return }
        var calls: [String: Call] = [:]
        var changed = false
        for index in messages.indices {
            let message = messages[index]
            switch message["role"]?.stringValue {
            case "assistant":
                for call in message["tool_calls"]?.arrayValue ?? [] {
                    guard let id = call["id"]?.stringValue else { continue }
                    calls[id] = Call(name: call["function"]?["name"]?.stringValue, arguments: call["function"]?["arguments"]?.stringValue)
                }
            case "tool":
                guard var content = message["content"] else { continue }
                let before = content
                let call = message["tool_call_id"]?.stringValue.flatMap { calls[$0] }
                compressContent(&content, textTypes: ["text"], call: call, isError: false, report: &report)
                if content != before {
                    messages[index]["content"] = content
                    changed = true
                }
            default:
                continue
            }
        }
        if changed { body["messages"] = .array(messages) }
    }

    /// Anthropic Messages: `tool_result` blocks (string or text blocks, `is_error`), matched to `tool_use` by id.
    func compressAnthropic(_ body: inout JSONValue, report: inout SaverReport) {
        guard var messages = body["messages"]?.arrayValue else { return }
        var calls: [String: Call] = [:]
        var changed = false
        for messageIndex in messages.indices {
            guard var blocks = messages[messageIndex]["content"]?.arrayValue else { continue }
            var blocksChanged = false
            for blockIndex in blocks.indices {
                let block = blocks[blockIndex]
                switch block["type"]?.stringValue {
                case "tool_use", "server_tool_use":
                    guard let id = block["id"]?.stringValue else { continue }
                    calls[id] = Call(name: block["name"]?.stringValue, arguments: block["input"]?.serializedString())
                case "tool_result":
                    guard var content = block["content"] else { continue }
                    let before = content
                    let call = block["tool_use_id"]?.stringValue.flatMap { calls[$0] }
                    let isError = block["is_error"]?.boolValue == true
                    compressContent(&content, textTypes: ["text"], call: call, isError: isError, report: &report)
                    if content != before {
                        blocks[blockIndex]["content"] = content
                        blocksChanged = true
                    }
                default:
                    continue
                }
            }
            if blocksChanged {
                messages[messageIndex]["content"] = .array(blocks)
                changed = true
            }
        }
        if changed { body["messages"] = .array(messages) }
    }

    /// OpenAI Responses: `function_call_output` and `custom_tool_call_output` items, matched by `call_id`.
    func compressResponses(_ body: inout JSONValue, report: inout SaverReport) {
        guard var items = body["input"]?.arrayValue else { return }
        var calls: [String: Call] = [:]
        var changed = false
        for index in items.indices {
            let item = items[index]
            switch item["type"]?.stringValue {
            case "function_call", "custom_tool_call":
                guard let id = item["call_id"]?.stringValue else { continue }
                let arguments = item["arguments"]?.stringValue ?? item["input"]?.stringValue
                calls[id] = Call(name: item["name"]?.stringValue, arguments: arguments)
            case "function_call_output", "custom_tool_call_output":
                guard var output = item["output"] else { continue }
                let before = output
                let call = item["call_id"]?.stringValue.flatMap { calls[$0] }
                compressContent(&output, textTypes: ["input_text", "output_text", "text"], call: call, isError: false, report: &report)
                if output != before {
                    items[index]["output"] = output
                    changed = true
                }
            default:
                continue
            }
        }
        if changed { body["input"] = .array(items) }
    }

    /// Gemini: the text values inside `functionResponse.response`, matched to the latest `functionCall`
    /// of the same name (Gemini pairs calls and responses by name, and by `id` when one is given).
    func compressGemini(_ body: inout JSONValue, report: inout SaverReport) {
        guard var contents = body["contents"]?.arrayValue else { return }
        var callsByName: [String: Call] = [:]
        var callsByID: [String: Call] = [:]
        var changed = false
        for contentIndex in contents.indices {
            guard var parts = contents[contentIndex]["parts"]?.arrayValue else { continue }
            var partsChanged = false
            for partIndex in parts.indices {
                if let call = parts[partIndex]["functionCall"], let name = call["name"]?.stringValue {
                    let entry = Call(name: name, arguments: call["args"]?.serializedString())
                    callsByName[name] = entry
                    if let id = call["id"]?.stringValue { callsByID[id] = entry }
                    continue
                }
                guard var response = parts[partIndex]["functionResponse"], var payload = response["response"] else { continue }
                let call = response["id"]?.stringValue.flatMap { callsByID[$0] }
                    ?? response["name"]?.stringValue.flatMap { callsByName[$0] }
                let isError = payload["error"] != nil && payload["output"] == nil
                let before = payload
                compressStrings(in: &payload, depth: 0, call: call, isError: isError, report: &report)
                if payload != before {
                    response["response"] = payload
                    parts[partIndex]["functionResponse"] = response
                    partsChanged = true
                }
            }
            if partsChanged {
                contents[contentIndex]["parts"] = .array(parts)
                changed = true
            }
        }
        if changed { body["contents"] = .array(contents) }
    }

    /// Compresses the string values of a Gemini response object, a few levels deep.
    private func compressStrings(in value: inout JSONValue, depth: Int, call: Call?, isError: Bool, report: inout SaverReport) {
        switch value {
        case .string(let text):
            if let compressed = compressText(text, call: call, isError: isError, report: &report) { value = .string(compressed) }
        case .object(let object) where depth < 3:
            var updated = object
            for member in object.members {
                var child = member.value
                compressStrings(in: &child, depth: depth + 1, call: call, isError: isError, report: &report)
                if child != member.value { updated[member.key] = child }
            }
            value = .object(updated)
        case .array(var elements) where depth < 3:
            for index in elements.indices { compressStrings(in: &elements[index], depth: depth + 1, call: call, isError: isError, report: &report) }
            value = .array(elements)
        default:
            break
        }
    }
}
