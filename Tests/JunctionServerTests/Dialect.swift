import Foundation
import JunctionWire

/// How a test client of one API writes requests and reads answers, so the pair matrix can speak
/// every format the way real SDKs do.
struct Dialect {
    let format: APIFormat

    /// What a client got back: the text, and the tool call if the model asked for one.
    struct Answer {
        var text = ""
        var toolCall: (id: String, name: String, arguments: String)?
        var finished = false
    }

    func path(model: String, stream: Bool) -> String {
        switch format {
        case .openAIChat: return "/v1/chat/completions"
        case .anthropic: return "/v1/messages"
        case .openAIResponses: return "/v1/responses"
        case .gemini:
            let escaped = model.replacingOccurrences(of: "/", with: "%2F")
            return "/v1beta/models/\(escaped)" + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent")
        }
    }

    static let schema: JSONValue = ["type": "object", "properties": ["path": ["type": "string"]], "required": ["path"]]

    /// A first turn: a user message, optionally offering the `read_file` tool.
    func firstTurn(model: String, stream: Bool, tools: Bool, text: String = "Say hello") -> JSONValue {
        var body: JSONValue
        switch format {
        case .openAIChat:
            body = ["model": .string(model), "stream": .bool(stream), "messages": [["role": "user", "content": .string(text)]]]
            if tools { body["tools"] = [["type": "function", "function": ["name": "read_file", "description": "Read a file", "parameters": Self.schema]]] }
        case .anthropic:
            body = ["model": .string(model), "max_tokens": 512, "stream": .bool(stream), "messages": [["role": "user", "content": .string(text)]]]
            if tools { body["tools"] = [["name": "read_file", "description": "Read a file", "input_schema": Self.schema]] }
        case .openAIResponses:
            body = ["model": .string(model), "stream": .bool(stream), "input": [["role": "user", "content": .string(text)]]]
            if tools { body["tools"] = [["type": "function", "name": "read_file", "description": "Read a file", "parameters": Self.schema]] }
        case .gemini:
            body = ["contents": [["role": "user", "parts": [["text": .string(text)]]]]]
            if tools { body["tools"] = [["functionDeclarations": [["name": "read_file", "description": "Read a file", "parameters": Self.schema]]]] }
        }
        return body
    }

    /// The second turn: the first turn, the model's tool call, and the tool's result.
    func toolResultTurn(model: String, stream: Bool, call: (id: String, name: String, arguments: String), result: String) -> JSONValue {
        var body = firstTurn(model: model, stream: stream, tools: true)
        let arguments = (try? JSONValue(parsing: call.arguments)) ?? [:]
        switch format {
        case .openAIChat:
            body["messages"] = .array((body["messages"]?.arrayValue ?? []) + [
                ["role": "assistant", "content": .null, "tool_calls": [["id": .string(call.id), "type": "function", "function": ["name": .string(call.name), "arguments": .string(call.arguments)]]]],
                ["role": "tool", "tool_call_id": .string(call.id), "content": .string(result)],
            ])
        case .anthropic:
            body["messages"] = .array((body["messages"]?.arrayValue ?? []) + [
                ["role": "assistant", "content": [["type": "tool_use", "id": .string(call.id), "name": .string(call.name), "input": arguments]]],
                ["role": "user", "content": [["type": "tool_result", "tool_use_id": .string(call.id), "content": .string(result)]]],
            ])
        case .openAIResponses:
            body["input"] = .array((body["input"]?.arrayValue ?? []) + [
                ["type": "function_call", "call_id": .string(call.id), "name": .string(call.name), "arguments": .string(call.arguments)],
                ["type": "function_call_output", "call_id": .string(call.id), "output": .string(result)],
            ])
        case .gemini:
            var functionCall: JSONValue = ["name": .string(call.name), "args": arguments]
            if !call.id.isEmpty { functionCall["id"] = .string(call.id) }
            var response: JSONValue = ["name": .string(call.name), "response": ["output": .string(result)]]
            if !call.id.isEmpty { response["id"] = .string(call.id) }
            body["contents"] = .array((body["contents"]?.arrayValue ?? []) + [
                ["role": "model", "parts": [["functionCall": functionCall]]],
                ["role": "user", "parts": [["functionResponse": response]]],
            ])
        }
        return body
    }

    /// Reads a whole answer.
    func answer(_ json: JSONValue) -> Answer {
        var answer = Answer()
        switch format {
        case .openAIChat:
            let message = json["choices"]?[0]?["message"]
            answer.text = message?["content"]?.stringValue ?? ""
            if let call = message?["tool_calls"]?[0] {
                answer.toolCall = (call["id"]?.stringValue ?? "", call["function"]?["name"]?.stringValue ?? "", call["function"]?["arguments"]?.stringValue ?? "")
            }
            answer.finished = json["choices"]?[0]?["finish_reason"]?.stringValue != nil
        case .anthropic:
            for block in json["content"]?.arrayValue ?? [] {
                if block["type"]?.stringValue == "text" { answer.text += block["text"]?.stringValue ?? "" }
                if block["type"]?.stringValue == "tool_use" {
                    answer.toolCall = (block["id"]?.stringValue ?? "", block["name"]?.stringValue ?? "", block["input"]?.serializedString() ?? "")
                }
            }
            answer.finished = json["stop_reason"]?.stringValue != nil
        case .openAIResponses:
            for item in json["output"]?.arrayValue ?? [] {
                if item["type"]?.stringValue == "message" {
                    answer.text += (item["content"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }.joined()
                }
                if item["type"]?.stringValue == "function_call" {
                    answer.toolCall = (item["call_id"]?.stringValue ?? "", item["name"]?.stringValue ?? "", item["arguments"]?.stringValue ?? "")
                }
            }
            answer.finished = json["status"]?.stringValue == "completed"
        case .gemini:
            for part in json["candidates"]?[0]?["content"]?["parts"]?.arrayValue ?? [] {
                if part["thought"]?.boolValue != true, let text = part["text"]?.stringValue { answer.text += text }
                if let call = part["functionCall"] {
                    answer.toolCall = (call["id"]?.stringValue ?? "", call["name"]?.stringValue ?? "", call["args"]?.serializedString() ?? "")
                }
            }
            answer.finished = json["candidates"]?[0]?["finishReason"]?.stringValue != nil
        }
        return answer
    }

    /// Reads a streamed answer, reassembling tool-call arguments sent in pieces.
    func answer(_ events: [ServerSentEvent]) -> Answer {
        var answer = Answer()
        var callID = ""
        var callName = ""
        var arguments = ""
        for event in events {
            if format == .openAIChat, event.data == "[DONE]" {
                answer.finished = true
                continue
            }
            guard let json = try? JSONValue(parsing: event.data) else { continue }
            switch format {
            case .openAIChat:
                let delta = json["choices"]?[0]?["delta"]
                answer.text += delta?["content"]?.stringValue ?? ""
                if let call = delta?["tool_calls"]?[0] {
                    if let id = call["id"]?.stringValue { callID = id }
                    if let name = call["function"]?["name"]?.stringValue { callName = name }
                    arguments += call["function"]?["arguments"]?.stringValue ?? ""
                }
            case .anthropic:
                switch json["type"]?.stringValue {
                case "content_block_start":
                    if json["content_block"]?["type"]?.stringValue == "tool_use" {
                        callID = json["content_block"]?["id"]?.stringValue ?? ""
                        callName = json["content_block"]?["name"]?.stringValue ?? ""
                    }
                case "content_block_delta":
                    answer.text += json["delta"]?["text"]?.stringValue ?? ""
                    arguments += json["delta"]?["partial_json"]?.stringValue ?? ""
                case "message_stop": answer.finished = true
                default: break
                }
            case .openAIResponses:
                switch json["type"]?.stringValue {
                case "response.output_text.delta": answer.text += json["delta"]?.stringValue ?? ""
                case "response.output_item.added":
                    if json["item"]?["type"]?.stringValue == "function_call" {
                        callID = json["item"]?["call_id"]?.stringValue ?? ""
                        callName = json["item"]?["name"]?.stringValue ?? ""
                    }
                case "response.function_call_arguments.delta": arguments += json["delta"]?.stringValue ?? ""
                case "response.completed": answer.finished = true
                default: break
                }
            case .gemini:
                for part in json["candidates"]?[0]?["content"]?["parts"]?.arrayValue ?? [] {
                    if part["thought"]?.boolValue != true, let text = part["text"]?.stringValue { answer.text += text }
                    if let call = part["functionCall"] {
                        callID = call["id"]?.stringValue ?? ""
                        callName = call["name"]?.stringValue ?? ""
                        arguments += call["args"]?.serializedString() ?? ""
                    }
                }
                if json["candidates"]?[0]?["finishReason"]?.stringValue != nil { answer.finished = true }
            }
        }
        if !callName.isEmpty { answer.toolCall = (callID, callName, arguments) }
        return answer
    }
}
