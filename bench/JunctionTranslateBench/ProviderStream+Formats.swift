import JunctionWire

extension ProviderStream {
    mutating func openAIChat(_ pieces: [String], _ arguments: [String]) {
        func chunk(_ delta: JSONValue, finish: JSONValue = nil) -> JSONValue {
            ["id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", "object": "chat.completion.chunk", "created": 1_763_900_000,
             "model": "gpt-4.1-2025-04-14", "system_fingerprint": "fp_3f58d112f7",
             "choices": [["index": 0, "delta": delta, "logprobs": nil, "finish_reason": finish]]]
        }
        add(chunk(["role": "assistant", "content": "", "refusal": nil]))
        for piece in pieces { add(chunk(["content": .string(piece)])) }
        add(chunk(["tool_calls": [["index": 0, "id": .string(Self.callID), "type": "function", "function": ["name": .string(Self.toolName), "arguments": ""]]]]))
        for piece in arguments { add(chunk(["tool_calls": [["index": 0, "function": ["arguments": .string(piece)]]]])) }
        add(chunk([:], finish: "tool_calls"))
        add(["id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", "object": "chat.completion.chunk", "created": 1_763_900_000,
             "model": "gpt-4.1-2025-04-14", "choices": [],
             "usage": ["prompt_tokens": 31_200, "completion_tokens": 812, "total_tokens": 32_012,
                       "prompt_tokens_details": ["cached_tokens": 29_952], "completion_tokens_details": ["reasoning_tokens": 0]]])
        addRaw("[DONE]")
    }

    mutating func anthropic(_ pieces: [String], _ arguments: [String]) {
        add(["type": "message_start", "message": ["id": "msg_01XFDUDYJgAACzvnptvVoYEL", "type": "message", "role": "assistant",
             "model": "claude-sonnet-4-5-20250929", "content": [], "stop_reason": nil, "stop_sequence": nil,
             "usage": ["input_tokens": 1248, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 29_952, "output_tokens": 1]]], event: "message_start")
        add(["type": "ping"], event: "ping")
        add(["type": "content_block_start", "index": 0, "content_block": ["type": "text", "text": ""]], event: "content_block_start")
        for piece in pieces {
            add(["type": "content_block_delta", "index": 0, "delta": ["type": "text_delta", "text": .string(piece)]], event: "content_block_delta")
        }
        add(["type": "content_block_stop", "index": 0], event: "content_block_stop")
        add(["type": "content_block_start", "index": 1, "content_block": ["type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9",
             "name": .string(Self.toolName), "input": [:]]], event: "content_block_start")
        for piece in arguments {
            add(["type": "content_block_delta", "index": 1, "delta": ["type": "input_json_delta", "partial_json": .string(piece)]], event: "content_block_delta")
        }
        add(["type": "content_block_stop", "index": 1], event: "content_block_stop")
        add(["type": "message_delta", "delta": ["stop_reason": "tool_use", "stop_sequence": nil], "usage": ["output_tokens": 812]], event: "message_delta")
        add(["type": "message_stop"], event: "message_stop")
    }

    mutating func gemini(_ pieces: [String], _ arguments: [String]) {
        func chunk(_ parts: [JSONValue], finish: String? = nil, usage: JSONValue) -> JSONValue {
            var candidate: JSONValue = ["content": ["parts": .array(parts), "role": "model"], "index": 0]
            if let finish { candidate["finishReason"] = .string(finish) }
            return ["candidates": [candidate], "usageMetadata": usage, "modelVersion": "gemini-2.5-pro", "responseId": "mAitaLmkHPPlz7IPvtfUqQ4"]
        }
        let running: JSONValue = ["promptTokenCount": 31_200, "totalTokenCount": 31_200]
        for piece in pieces { add(chunk([["text": .string(piece)]], usage: running)) }
        let args = (try? JSONValue(parsing: arguments.joined())) ?? [:]
        add(chunk([["functionCall": ["name": .string(Self.toolName), "args": args], "thoughtSignature": "CiwBVKhc7nW2+zXhJ8u/2aX1oQ=="]], finish: "STOP",
                  usage: ["promptTokenCount": 31_200, "candidatesTokenCount": 812, "totalTokenCount": 32_012, "cachedContentTokenCount": 29_952]))
    }

    mutating func responses(_ pieces: [String], _ arguments: [String]) {
        var sequence = 0
        func event(_ type: String, _ fields: JSONValue) -> JSONValue {
            var object: JSONValue = ["type": .string(type), "sequence_number": .int(sequence)]
            for member in fields.objectValue?.members ?? [] { object[member.key] = member.value }
            sequence += 1
            return object
        }
        let responseID = "resp_67ccd3a9da748190baa7f1570fe91ac604becb25c45c1d41", messageID = "msg_67ccd3acc8d48190a77525dc6de64b41"
        let text = pieces.joined(), argumentText = arguments.joined()
        func response(_ status: String, output: [JSONValue], usage: JSONValue) -> JSONValue {
            ["id": .string(responseID), "object": "response", "created_at": 1_763_900_000, "status": .string(status), "model": "gpt-5-2025-08-07",
             "output": .array(output), "usage": usage]
        }
        let message: JSONValue = ["id": .string(messageID), "type": "message", "status": "completed", "role": "assistant",
                                  "content": [["type": "output_text", "text": .string(text), "annotations": []]]]
        let call: JSONValue = ["id": "fc_12345xyz", "type": "function_call", "status": "completed", "arguments": .string(argumentText),
                               "call_id": .string(Self.callID), "name": .string(Self.toolName)]
        for type in ["response.created", "response.in_progress"] {
            add(event(type, ["response": response("in_progress", output: [], usage: nil)]), event: type)
        }
        add(event("response.output_item.added", ["output_index": 0, "item": ["id": .string(messageID), "type": "message", "status": "in_progress", "role": "assistant", "content": []]]), event: "response.output_item.added")
        add(event("response.content_part.added", ["item_id": .string(messageID), "output_index": 0, "content_index": 0, "part": ["type": "output_text", "text": "", "annotations": []]]), event: "response.content_part.added")
        for piece in pieces {
            add(event("response.output_text.delta", ["item_id": .string(messageID), "output_index": 0, "content_index": 0, "delta": .string(piece), "logprobs": []]), event: "response.output_text.delta")
        }
        add(event("response.output_text.done", ["item_id": .string(messageID), "output_index": 0, "content_index": 0, "text": .string(text)]), event: "response.output_text.done")
        add(event("response.content_part.done", ["item_id": .string(messageID), "output_index": 0, "content_index": 0, "part": ["type": "output_text", "text": .string(text), "annotations": []]]), event: "response.content_part.done")
        add(event("response.output_item.done", ["output_index": 0, "item": message]), event: "response.output_item.done")
        var pending = call
        pending["status"] = "in_progress"
        pending["arguments"] = ""
        add(event("response.output_item.added", ["output_index": 1, "item": pending]), event: "response.output_item.added")
        for piece in arguments {
            add(event("response.function_call_arguments.delta", ["item_id": "fc_12345xyz", "output_index": 1, "delta": .string(piece)]), event: "response.function_call_arguments.delta")
        }
        add(event("response.function_call_arguments.done", ["item_id": "fc_12345xyz", "output_index": 1, "arguments": .string(argumentText)]), event: "response.function_call_arguments.done")
        add(event("response.output_item.done", ["output_index": 1, "item": call]), event: "response.output_item.done")
        add(event("response.completed", ["response": response("completed", output: [message, call], usage: [
            "input_tokens": 31_200, "input_tokens_details": ["cached_tokens": 29_952], "output_tokens": 812,
            "output_tokens_details": ["reasoning_tokens": 0], "total_tokens": 32_012])]), event: "response.completed")
    }
}
