import JunctionWire

extension Session {
    /// The session as a client request body of `format`, streamed, as that format's clients write it.
    func requestBody(for format: APIFormat) -> JSONValue {
        switch format {
        case .openAIChat: openAIChatBody()
        case .anthropic: anthropicBody()
        case .gemini: geminiBody()
        case .openAIResponses: responsesBody()
        }
    }

    private func openAIChatBody() -> JSONValue {
        var messages: [JSONValue] = [["role": "system", "content": .string(system)]]
        for turn in turns {
            if let user = turn.user { messages.append(["role": "user", "content": .string(user)]) }
            let calls: [JSONValue] = turn.calls.map {
                ["id": .string($0.id), "type": "function", "function": ["name": .string($0.name), "arguments": .string($0.arguments.serializedString())]]
            }
            messages.append(["role": "assistant", "content": .string(turn.assistant), "tool_calls": .array(calls)])
            for call in turn.calls { messages.append(["role": "tool", "tool_call_id": .string(call.id), "content": .string(call.output)]) }
        }
        messages.append(["role": "user", "content": .string(closingUser)])
        let tools: [JSONValue] = tools.map {
            ["type": "function", "function": ["name": .string($0.name), "description": .string($0.description), "parameters": $0.schema]]
        }
        return ["model": "gpt-4.1", "messages": .array(messages), "tools": .array(tools), "tool_choice": "auto",
                "max_completion_tokens": 16000, "temperature": 0.2, "stream": true, "stream_options": ["include_usage": true]]
    }

    private func anthropicBody() -> JSONValue {
        var messages: [JSONValue] = []
        var pending: [JSONValue] = []   // tool results waiting for the next user message
        for turn in turns {
            var content = pending
            if let user = turn.user { content.append(["type": "text", "text": .string(user)]) }
            if !content.isEmpty { messages.append(["role": "user", "content": .array(content)]) }
            let uses: [JSONValue] = turn.calls.map { ["type": "tool_use", "id": .string($0.id), "name": .string($0.name), "input": $0.arguments] }
            messages.append(["role": "assistant", "content": .array([["type": "text", "text": .string(turn.assistant)]] + uses)])
            pending = turn.calls.map { ["type": "tool_result", "tool_use_id": .string($0.id), "content": .string($0.output)] }
        }
        messages.append(["role": "user", "content": .array(pending + [["type": "text", "text": .string(closingUser), "cache_control": ["type": "ephemeral"]]])])
        let tools: [JSONValue] = tools.map { ["name": .string($0.name), "description": .string($0.description), "input_schema": $0.schema] }
        return ["model": "claude-sonnet-4-5", "max_tokens": 16000, "system": [["type": "text", "text": .string(system), "cache_control": ["type": "ephemeral"]]],
                "messages": .array(messages), "tools": .array(tools), "tool_choice": ["type": "auto"], "temperature": 0.2, "stream": true]
    }

    private func geminiBody() -> JSONValue {
        var contents: [JSONValue] = []
        var pending: [JSONValue] = []
        for turn in turns {
            var parts = pending
            if let user = turn.user { parts.append(["text": .string(user)]) }
            if !parts.isEmpty { contents.append(["role": "user", "parts": .array(parts)]) }
            let calls: [JSONValue] = turn.calls.map { ["functionCall": ["id": .string($0.id), "name": .string($0.name), "args": $0.arguments]] }
            contents.append(["role": "model", "parts": .array([["text": .string(turn.assistant)]] + calls)])
            pending = turn.calls.map { ["functionResponse": ["id": .string($0.id), "name": .string($0.name), "response": ["result": .string($0.output)]]] }
        }
        contents.append(["role": "user", "parts": .array(pending + [["text": .string(closingUser)]])])
        let declarations: [JSONValue] = tools.map { ["name": .string($0.name), "description": .string($0.description), "parameters": $0.schema] }
        return ["systemInstruction": ["parts": [["text": .string(system)]]], "contents": .array(contents),
                "tools": [["functionDeclarations": .array(declarations)]], "toolConfig": ["functionCallingConfig": ["mode": "AUTO"]],
                "generationConfig": ["maxOutputTokens": 16000, "temperature": 0.2]]
    }

    private func responsesBody() -> JSONValue {
        var input: [JSONValue] = []
        for turn in turns {
            if let user = turn.user { input.append(["role": "user", "content": [["type": "input_text", "text": .string(user)]]]) }
            input.append(["type": "message", "role": "assistant", "content": [["type": "output_text", "text": .string(turn.assistant)]]])
            for call in turn.calls {
                input.append(["type": "function_call", "call_id": .string(call.id), "name": .string(call.name), "arguments": .string(call.arguments.serializedString())])
            }
            for call in turn.calls { input.append(["type": "function_call_output", "call_id": .string(call.id), "output": .string(call.output)]) }
        }
        input.append(["role": "user", "content": [["type": "input_text", "text": .string(closingUser)]]])
        let tools: [JSONValue] = tools.map {
            ["type": "function", "name": .string($0.name), "description": .string($0.description), "parameters": $0.schema, "strict": false]
        }
        return ["model": "gpt-5", "instructions": .string(system), "input": .array(input), "tools": .array(tools), "tool_choice": "auto",
                "max_output_tokens": 16000, "store": false, "stream": true]
    }
}
