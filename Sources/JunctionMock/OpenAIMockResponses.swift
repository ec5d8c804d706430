import Foundation
import JunctionWire

/// The mock's answers in OpenAI Chat Completions' documented wire shapes: completions, stream chunks and errors.
enum OpenAIMockResponses {
    /// The error body OpenAI documents for a status, as its API sends it.
    static func errorBody(status: Int, message: String?, code overridingCode: String? = nil, param: String? = nil) -> JSONValue {
        let (type, code, defaultMessage): (String, String?, String) =
            switch status {
            case 400: ("invalid_request_error", nil, "Invalid request.")
            case 401: ("invalid_request_error", "invalid_api_key", "Incorrect API key provided.")
            case 403: ("invalid_request_error", "unsupported_country_region_territory", "Country, region, or territory not supported.")
            case 404: ("invalid_request_error", "model_not_found", "The model does not exist or you do not have access to it.")
            case 429: ("requests", "rate_limit_exceeded", "Rate limit reached for requests. Please try again later.")
            case 500: ("server_error", nil, "The server had an error while processing your request. Sorry about that!")
            case 503: ("server_error", nil, "The engine is currently overloaded, please try again later.")
            default: (status >= 500 ? "server_error" : "invalid_request_error", nil, "HTTP \(status)")
            }
        return [
            "error": [
                "message": .string(message ?? defaultMessage), "type": .string(type), "param": param.map(JSONValue.string) ?? .null,
                "code": (overridingCode ?? code).map(JSONValue.string) ?? .null,
            ]
        ]
    }

    /// The words of the answer for a request.
    static func reply(provider: String, model: String, promptTokens: Int, words: Int) -> [String] {
        let opening = ["Hello", "from", provider, "serving", model + "."]
        let filler = ["This", "is", "a", "scripted", "answer", "so", "that", "tests", "can", "count", "every", "token."]
        var text = opening
        var index = 0
        while text.count < max(words, opening.count) {
            text.append(filler[index % filler.count])
            index += 1
        }
        text.append("(prompt: \(promptTokens) tokens)")
        return text
    }

    /// A rough token count of the messages, the same for the same request.
    static func promptTokens(_ body: JSONValue) -> Int {
        let messages = body["messages"]?.arrayValue ?? []
        var words = 0
        for message in messages {
            words += 4
            if let text = message["content"]?.stringValue {
                words += text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
            } else if let parts = message["content"]?.arrayValue {
                for part in parts { words += (part["text"]?.stringValue ?? "").split(separator: " ").count }
            }
        }
        return words + 3
    }

    /// The plan for a Chat Completions request: a call to the first function tool unless the
    /// conversation ends with a tool result or `tool_choice` is `none`; reasoning tokens when
    /// `reasoning_effort` (or `reasoning.effort`) asks for them.
    static func answer(_ body: JSONValue, provider: String, model: String, replyWords: Int, cachedTokens: Int) -> MockAnswer {
        let messages = body["messages"]?.arrayValue ?? []
        let endsWithToolResult = messages.last?["role"]?.stringValue == "tool"
        let function = body["tools"]?.arrayValue?.first { $0["type"]?.stringValue ?? "function" == "function" }?["function"]
        let tool = function.flatMap { function in function["name"]?.stringValue.map { (name: $0, schema: function["parameters"]) } }
        let effort = body["reasoning_effort"]?.stringValue ?? body["reasoning"]?["effort"]?.stringValue
        var answer = MockAnswer(
            provider: provider, model: model, replyWords: replyWords, promptTokens: promptTokens(body),
            thinking: effort != nil && effort != "none",
            tool: endsWithToolResult || body["tool_choice"]?.stringValue == "none" ? nil : tool, cachedTokens: cachedTokens)
        answer.limit(to: body["max_completion_tokens"]?.intValue ?? body["max_tokens"]?.intValue)
        return answer
    }

    /// `tool_calls`, `length` (cut at the token limit) or `stop`.
    static func finishReason(_ answer: MockAnswer) -> String {
        answer.toolCall != nil ? "tool_calls" : answer.truncated ? "length" : "stop"
    }

    static func usage(prompt: Int, completion: Int, reasoning: Int = 0, cached: Int = 0) -> JSONValue {
        [
            "prompt_tokens": .int(prompt), "completion_tokens": .int(completion + reasoning), "total_tokens": .int(prompt + completion + reasoning),
            "prompt_tokens_details": ["cached_tokens": .int(cached), "audio_tokens": 0],
            "completion_tokens_details": [
                "reasoning_tokens": .int(reasoning), "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0,
            ],
        ]
    }

    static func usage(_ answer: MockAnswer) -> JSONValue {
        usage(prompt: answer.promptTokens, completion: answer.visibleTokens, reasoning: answer.reasoningTokens, cached: answer.cachedTokens)
    }

    /// The id of the tool call in a completion.
    static func callID(_ id: String) -> String { "call_" + id.replacingOccurrences(of: "chatcmpl-", with: "") }

    static func completion(id: String, model: String, created: Int, answer: MockAnswer) -> JSONValue {
        var message: JSONValue = ["role": "assistant", "content": .string(answer.text), "refusal": .null, "annotations": []]
        if let call = answer.toolCall {
            message["content"] = .null
            message["tool_calls"] = [
                ["id": .string(callID(id)), "type": "function", "function": ["name": .string(call.name), "arguments": .string(call.arguments)]]
            ]
        }
        return [
            "id": .string(id), "object": "chat.completion", "created": .int(created), "model": .string(model),
            "choices": [
                ["index": 0, "message": message, "logprobs": .null, "finish_reason": .string(finishReason(answer))]
            ],
            "usage": usage(answer),
            "service_tier": "default", "system_fingerprint": "fp_mock",
        ]
    }

    /// The stream's data payloads, in order, ending with `[DONE]`.
    ///
    /// A tool call comes as OpenAI streams it: the first delta names the call (`index`, `id`,
    /// `type`, `function.name`, empty `arguments`), the next ones carry argument pieces by `index`.
    static func streamEvents(id: String, model: String, created: Int, answer: MockAnswer, includeUsage: Bool) -> [String] {
        func chunk(delta: JSONValue, finish: JSONValue = .null) -> String {
            var value: JSONValue = [
                "id": .string(id), "object": "chat.completion.chunk", "created": .int(created), "model": .string(model),
                "service_tier": "default", "system_fingerprint": "fp_mock",
                "choices": [["index": 0, "delta": delta, "logprobs": .null, "finish_reason": finish]],
            ]
            if includeUsage { value["usage"] = .null }
            return value.serializedString()
        }
        var events: [String] = []
        if let call = answer.toolCall {
            let opening: JSONValue = [
                "index": 0, "id": .string(callID(id)), "type": "function", "function": ["name": .string(call.name), "arguments": ""],
            ]
            events.append(chunk(delta: ["role": "assistant", "content": .null, "tool_calls": [opening], "refusal": .null]))
            for piece in call.pieces {
                events.append(chunk(delta: ["tool_calls": [["index": 0, "function": ["arguments": .string(piece)]]]]))
            }
            events.append(chunk(delta: [:], finish: "tool_calls"))
        } else {
            events.append(chunk(delta: ["role": "assistant", "content": "", "refusal": .null]))
            for piece in MockAnswer.deltas(answer.words) { events.append(chunk(delta: ["content": .string(piece)])) }
            events.append(chunk(delta: [:], finish: .string(finishReason(answer))))
        }
        if includeUsage {
            let usageChunk: JSONValue = [
                "id": .string(id), "object": "chat.completion.chunk", "created": .int(created), "model": .string(model),
                "service_tier": "default", "system_fingerprint": "fp_mock", "choices": [], "usage": usage(answer),
            ]
            events.append(usageChunk.serializedString())
        }
        events.append("[DONE]")
        return events
    }
}
