import Foundation
import JunctionWire

/// The mock's answers in OpenAI's documented wire shapes: completions, stream chunks and errors.
enum OpenAIMockResponses {
    /// The error body OpenAI documents for a status, as its API sends it.
    static func errorBody(status: Int, message: String?) -> JSONValue {
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
                "message": .string(message ?? defaultMessage), "type": .string(type), "param": .null,
                "code": code.map(JSONValue.string) ?? .null,
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

    static func usage(prompt: Int, completion: Int) -> JSONValue {
        [
            "prompt_tokens": .int(prompt), "completion_tokens": .int(completion), "total_tokens": .int(prompt + completion),
            "prompt_tokens_details": ["cached_tokens": 0, "audio_tokens": 0],
            "completion_tokens_details": ["reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0],
        ]
    }

    static func completion(id: String, model: String, created: Int, words: [String], prompt: Int) -> JSONValue {
        [
            "id": .string(id), "object": "chat.completion", "created": .int(created), "model": .string(model),
            "choices": [
                [
                    "index": 0,
                    "message": ["role": "assistant", "content": .string(words.joined(separator: " ")), "refusal": .null, "annotations": []],
                    "logprobs": .null, "finish_reason": "stop",
                ]
            ],
            "usage": usage(prompt: prompt, completion: words.count),
            "service_tier": "default", "system_fingerprint": "fp_mock",
        ]
    }

    /// The stream's data payloads, in order, ending with `[DONE]`.
    static func streamEvents(id: String, model: String, created: Int, words: [String], prompt: Int, includeUsage: Bool) -> [String] {
        func chunk(delta: JSONValue, finish: JSONValue = .null) -> String {
            var value: JSONValue = [
                "id": .string(id), "object": "chat.completion.chunk", "created": .int(created), "model": .string(model),
                "service_tier": "default", "system_fingerprint": "fp_mock",
                "choices": [["index": 0, "delta": delta, "logprobs": .null, "finish_reason": finish]],
            ]
            if includeUsage { value["usage"] = .null }
            return value.serializedString()
        }
        var events = [chunk(delta: ["role": "assistant", "content": "", "refusal": .null])]
        for (index, word) in words.enumerated() {
            events.append(chunk(delta: ["content": .string(index == 0 ? word : " " + word)]))
        }
        events.append(chunk(delta: [:], finish: "stop"))
        if includeUsage {
            let usageChunk: JSONValue = [
                "id": .string(id), "object": "chat.completion.chunk", "created": .int(created), "model": .string(model),
                "service_tier": "default", "system_fingerprint": "fp_mock", "choices": [],
                "usage": usage(prompt: prompt, completion: words.count),
            ]
            events.append(usageChunk.serializedString())
        }
        events.append("[DONE]")
        return events
    }
}
