import Foundation
import JunctionWire

/// The mock's answers in Anthropic Messages' documented wire shapes: messages, errors, model lists and headers.
enum AnthropicMockResponses {
    /// The `error.type` and default message Anthropic documents for a status.
    static func errorKind(status: Int) -> (type: String, message: String) {
        switch status {
        case 400: ("invalid_request_error", "Invalid request.")
        case 401: ("authentication_error", "invalid x-api-key")
        case 402: ("billing_error", "Your credit balance is too low to access the Anthropic API.")
        case 403: ("permission_error", "Your API key does not have permission to use the specified resource.")
        case 404: ("not_found_error", "The requested resource could not be found.")
        case 413: ("request_too_large", "Request exceeds the maximum allowed number of bytes.")
        case 429: ("rate_limit_error", "This request would exceed the rate limit for your organization. Please try again later.")
        case 504: ("timeout_error", "Request timed out.")
        case 529: ("overloaded_error", "Overloaded")
        case 500..<600: ("api_error", "Internal server error")
        default: ("invalid_request_error", "HTTP \(status)")
        }
    }

    /// `{"type":"error","error":{"type":…,"message":…},"request_id":…}`.
    static func errorBody(status: Int, message: String?, requestID: String?) -> JSONValue {
        let kind = errorKind(status: status)
        var body: JSONValue = ["type": "error", "error": ["type": .string(kind.type), "message": .string(message ?? kind.message)]]
        if let requestID { body["request_id"] = .string(requestID) }
        return body
    }

    /// The `anthropic-ratelimit-*` headers: full quota on a normal answer, none left on a 429.
    static func rateLimitHeaders(limited: Bool, resetSeconds: Int, now: Date = Date()) -> [(String, String)] {
        let reset = ISO8601DateFormatter().string(from: now.addingTimeInterval(Double(resetSeconds)))
        var headers: [(String, String)] = []
        for (kind, limit) in [("requests", 1000), ("tokens", 480_000), ("input-tokens", 400_000), ("output-tokens", 80_000)] {
            let remaining = limited && (kind == "requests" || kind == "input-tokens" || kind == "tokens") ? 0 : limit - (kind == "requests" ? 1 : 0)
            headers.append(("anthropic-ratelimit-\(kind)-limit", String(limit)))
            headers.append(("anthropic-ratelimit-\(kind)-remaining", String(remaining)))
            headers.append(("anthropic-ratelimit-\(kind)-reset", reset))
        }
        return headers
    }

    /// The model list Anthropic sends to `GET /v1/models`.
    static func modelList(_ models: [String]) -> JSONValue {
        let data: [JSONValue] = models.map {
            ["type": "model", "id": .string($0), "display_name": .string($0), "created_at": "2025-05-14T00:00:00Z"]
        }
        return ["data": .array(data), "has_more": false, "first_id": models.first.map(JSONValue.string) ?? .null,
                "last_id": models.last.map(JSONValue.string) ?? .null]
    }

    /// Input tokens of a Messages request, as `count_tokens` reports them.
    static func promptTokens(_ body: JSONValue) -> Int {
        MockTokens.prompt(messages: body["messages"]?.arrayValue ?? [], system: body["system"])
    }

    /// The first custom tool of a request (one with an `input_schema`), unless `tool_choice` is `none`
    /// or the conversation ends with a `tool_result`.
    static func tool(_ body: JSONValue) -> (name: String, schema: JSONValue?)? {
        if body["tool_choice"]?["type"]?.stringValue == "none" { return nil }
        let last = body["messages"]?.arrayValue?.last
        if last?["content"]?.arrayValue?.contains(where: { $0["type"]?.stringValue == "tool_result" }) == true { return nil }
        guard let tool = body["tools"]?.arrayValue?.first(where: { $0["input_schema"] != nil }), let name = tool["name"]?.stringValue else {
            return nil
        }
        return (name, tool["input_schema"])
    }

    /// Whether the request turns extended thinking on.
    static func thinkingEnabled(_ body: JSONValue) -> Bool {
        ["enabled", "adaptive"].contains(body["thinking"]?["type"]?.stringValue ?? "")
    }

    /// The first thinking block sent back with a signature the mock did not make, as Anthropic's
    /// error message names it (`messages.1.content.0: Invalid ...`).
    static func invalidSignature(_ body: JSONValue) -> String? {
        for (index, message) in (body["messages"]?.arrayValue ?? []).enumerated() where message["role"]?.stringValue == "assistant" {
            for (blockIndex, block) in (message["content"]?.arrayValue ?? []).enumerated() where block["type"]?.stringValue == "thinking" {
                let thinking = block["thinking"]?.stringValue ?? ""
                if block["signature"]?.stringValue != MockAnswer.signature(for: thinking) {
                    return "messages.\(index).content.\(blockIndex): Invalid `signature` in `thinking` block"
                }
            }
        }
        return nil
    }

    /// The 400 Anthropic sends for a thinking configuration it refuses: a budget under 1024 tokens or
    /// not under `max_tokens`, or thinking together with a `tool_choice` that forces a tool.
    static func invalidThinking(_ body: JSONValue) -> String? {
        guard body["thinking"]?["type"]?.stringValue == "enabled" else { return nil }
        let budget = body["thinking"]?["budget_tokens"]?.intValue ?? 0
        if budget < 1024 { return "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024" }
        if let maxTokens = body["max_tokens"]?.intValue, budget >= maxTokens {
            return "`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at "
                + "https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size"
        }
        if ["any", "tool"].contains(body["tool_choice"]?["type"]?.stringValue ?? "") {
            return "Thinking may not be enabled when tool_choice forces tool use."
        }
        return nil
    }

    /// Cache tokens: with a `cache_control` mark anywhere, a prefix seen before is read from the
    /// cache and the rest of the conversation before the last message is written to it.
    struct CacheUse {
        var read = 0
        var creation = 0
    }

    static func usage(_ answer: MockAnswer, cache: CacheUse) -> JSONValue {
        [
            "input_tokens": .int(answer.promptTokens - cache.read - cache.creation),
            "cache_creation_input_tokens": .int(cache.creation), "cache_read_input_tokens": .int(cache.read),
            "cache_creation": ["ephemeral_5m_input_tokens": .int(cache.creation), "ephemeral_1h_input_tokens": 0],
            "output_tokens": .int(answer.visibleTokens + answer.reasoningTokens), "service_tier": "standard",
        ]
    }

    /// The content blocks of an answer: thinking first, then the text or the tool call.
    static func content(_ answer: MockAnswer, toolID: String) -> [JSONValue] {
        var blocks: [JSONValue] = []
        if let thinking = answer.thinkingText {
            blocks.append(["type": "thinking", "thinking": .string(thinking), "signature": .string(MockAnswer.signature(for: thinking))])
        }
        if let call = answer.toolCall {
            blocks.append(["type": "tool_use", "id": .string(toolID), "name": .string(call.name), "input": call.argumentsValue])
        } else {
            blocks.append(["type": "text", "text": .string(answer.text)])
        }
        return blocks
    }

    /// The `stop_reason` of an answer.
    static func stopReason(_ answer: MockAnswer) -> String {
        answer.toolCall != nil ? "tool_use" : answer.truncated ? "max_tokens" : "end_turn"
    }

    /// A whole (not streamed) message.
    static func message(id: String, model: String, answer: MockAnswer, cache: CacheUse, toolID: String) -> JSONValue {
        [
            "id": .string(id), "type": "message", "role": "assistant", "model": .string(model),
            "content": .array(content(answer, toolID: toolID)), "stop_reason": .string(stopReason(answer)), "stop_sequence": .null,
            "usage": usage(answer, cache: cache),
        ]
    }
}
