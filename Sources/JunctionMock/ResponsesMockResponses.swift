import Foundation
import JunctionWire

/// The mock's answers in OpenAI Responses' documented wire shapes: response objects and output items.
///
/// Errors use OpenAI's error body (`OpenAIMockResponses.errorBody`), as the Responses API does.
enum ResponsesMockResponses {
    /// The ids of one answer's output items.
    struct IDs {
        var response: String
        var reasoning: String
        var message: String
        var functionCall: String
        var callID: String

        init(provider: String, number: Int) {
            response = "resp_\(provider)_\(number)"
            reasoning = "rs_\(provider)_\(number)"
            message = "msg_\(provider)_\(number)"
            functionCall = "fc_\(provider)_\(number)"
            callID = "call_\(provider)_\(number)"
        }
    }

    /// The input as a list of items (a string input is one user message).
    static func inputItems(_ body: JSONValue) -> [JSONValue] {
        if let text = body["input"]?.stringValue { return [["role": "user", "content": .string(text)]] }
        return body["input"]?.arrayValue ?? []
    }

    /// Input tokens of the request itself (a continued conversation adds its stored context).
    static func promptTokens(_ body: JSONValue) -> Int {
        MockTokens.prompt(messages: inputItems(body), system: body["instructions"])
    }

    /// The first function tool, unless `tool_choice` is `none` or the input ends with a `function_call_output`.
    static func tool(_ body: JSONValue) -> (name: String, schema: JSONValue?)? {
        if body["tool_choice"]?.stringValue == "none" { return nil }
        if inputItems(body).last?["type"]?.stringValue == "function_call_output" { return nil }
        guard let tool = body["tools"]?.arrayValue?.first(where: { $0["type"]?.stringValue == "function" }),
            let name = tool["name"]?.stringValue
        else { return nil }
        return (name, tool["parameters"])
    }

    /// Whether the request asks for reasoning (`reasoning` with an effort other than `none`).
    static func reasoningEnabled(_ body: JSONValue) -> Bool {
        guard let reasoning = body["reasoning"], case .object = reasoning else { return false }
        return reasoning["effort"]?.stringValue != "none"
    }

    /// Whether reasoning summaries were asked for (`reasoning.summary`).
    static func wantsSummary(_ body: JSONValue) -> Bool {
        guard let summary = body["reasoning"]?["summary"] else { return false }
        return !summary.isNull
    }

    /// `incomplete` when the text was cut at `max_output_tokens`, else `completed`.
    static func status(_ answer: MockAnswer) -> String { answer.truncated ? "incomplete" : "completed" }

    static func usage(_ answer: MockAnswer) -> JSONValue {
        let output = answer.visibleTokens + answer.reasoningTokens
        return [
            "input_tokens": .int(answer.promptTokens), "input_tokens_details": ["cached_tokens": .int(answer.cachedTokens)],
            "output_tokens": .int(output), "output_tokens_details": ["reasoning_tokens": .int(answer.reasoningTokens)],
            "total_tokens": .int(answer.promptTokens + output),
        ]
    }

    /// The reasoning item; `summary` empty unless asked for, `encrypted_content` when `include` asks for it.
    static func reasoningItem(_ answer: MockAnswer, ids: IDs, body: JSONValue, summaryText: String?) -> JSONValue {
        var item: JSONValue = ["id": .string(ids.reasoning), "type": "reasoning", "summary": []]
        if let summaryText { item["summary"] = [["type": "summary_text", "text": .string(summaryText)]] }
        let include = body["include"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if include.contains("reasoning.encrypted_content"), let thinking = answer.thinkingText {
            item["encrypted_content"] = .string(MockAnswer.signature(for: thinking))
        }
        return item
    }

    static func messageItem(ids: IDs, text: String, status: String) -> JSONValue {
        let content: [JSONValue] = status == "in_progress" ? [] : [outputText(text)]
        return ["id": .string(ids.message), "type": "message", "status": .string(status), "content": .array(content), "role": "assistant"]
    }

    static func outputText(_ text: String) -> JSONValue {
        ["type": "output_text", "annotations": [], "logprobs": [], "text": .string(text)]
    }

    static func functionCallItem(_ call: MockAnswer.ToolCall, ids: IDs, arguments: String, status: String) -> JSONValue {
        [
            "id": .string(ids.functionCall), "type": "function_call", "status": .string(status), "arguments": .string(arguments),
            "call_id": .string(ids.callID), "name": .string(call.name),
        ]
    }

    /// The finished output items, in order.
    static func output(_ answer: MockAnswer, ids: IDs, body: JSONValue) -> [JSONValue] {
        var items: [JSONValue] = []
        if answer.thinking != nil {
            items.append(reasoningItem(answer, ids: ids, body: body, summaryText: wantsSummary(body) ? answer.thinkingText : nil))
        }
        if let call = answer.toolCall {
            items.append(functionCallItem(call, ids: ids, arguments: call.arguments, status: "completed"))
        } else {
            items.append(messageItem(ids: ids, text: answer.text, status: status(answer)))
        }
        return items
    }

    /// A response object; `output`, `usage` and `error` set by status.
    static func response(
        ids: IDs, model: String, created: Int, body: JSONValue, status: String, output: [JSONValue], usage: JSONValue?,
        error: JSONValue = .null, truncated: Bool = false
    ) -> JSONValue {
        [
            "id": .string(ids.response), "object": "response", "created_at": .int(created), "status": .string(status),
            "background": false, "error": error,
            "incomplete_details": truncated ? ["reason": "max_output_tokens"] : .null, "instructions": body["instructions"] ?? .null,
            "max_output_tokens": body["max_output_tokens"] ?? .null, "model": .string(model), "output": .array(output),
            "parallel_tool_calls": body["parallel_tool_calls"] ?? true, "previous_response_id": body["previous_response_id"] ?? .null,
            "reasoning": [
                "effort": body["reasoning"]?["effort"] ?? .null, "summary": body["reasoning"]?["summary"] ?? .null,
            ],
            "service_tier": "default", "store": body["store"] ?? true, "temperature": body["temperature"] ?? 1.0,
            "text": body["text"] ?? ["format": ["type": "text"]], "tool_choice": body["tool_choice"] ?? "auto",
            "tools": body["tools"] ?? [], "top_p": body["top_p"] ?? 1.0, "truncation": body["truncation"] ?? "disabled",
            "usage": usage ?? .null, "user": body["user"] ?? .null, "metadata": body["metadata"] ?? [:],
        ]
    }
}
