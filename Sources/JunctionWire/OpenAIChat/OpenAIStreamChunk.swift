import Foundation

/// What one OpenAI Chat Completions stream event carries, as far as routing cares.
public struct OpenAIStreamChunk: Sendable, Hashable {
    /// The event is `data: [DONE]`.
    public var isDone: Bool
    /// The event carries content the client will see: text, a tool call, reasoning, or a finish reason.
    public var hasContent: Bool
    /// The event reports an error (`{"error":…}`) instead of a completion chunk.
    public var error: JSONValue?
    /// The usage object, when the event carries one.
    public var usage: JSONValue?
    /// The event carries usage and no choices: the extra chunk that `stream_options.include_usage` adds.
    public var isUsageOnly: Bool

    /// Reads one event's data; data that is not JSON counts as an error.
    public init(data: String) {
        isDone = false
        hasContent = false
        error = nil
        usage = nil
        isUsageOnly = false
        let trimmed = data.trimmingCharacters(in: .whitespaces)
        if trimmed == "[DONE]" {
            isDone = true
            return
        }
        guard let value = try? JSONValue(parsing: trimmed), value.objectValue != nil else {
            error = OpenAIErrorBody.make(message: "the provider sent an unreadable stream event", type: "api_error")
            return
        }
        if let error = value["error"], !error.isNull {
            self.error = value
            return
        }
        if let usage = value["usage"], !usage.isNull { self.usage = usage }
        let choices = value["choices"]?.arrayValue ?? []
        isUsageOnly = usage != nil && choices.isEmpty
        hasContent = choices.contains(where: Self.choiceHasContent)
    }

    private static func choiceHasContent(_ choice: JSONValue) -> Bool {
        if let reason = choice["finish_reason"], !reason.isNull { return true }
        guard let delta = choice["delta"] else { return false }
        for key in ["content", "reasoning_content", "reasoning", "refusal"] {
            if let text = delta[key]?.stringValue, !text.isEmpty { return true }
        }
        if let calls = delta["tool_calls"]?.arrayValue, !calls.isEmpty { return true }
        if let call = delta["function_call"], !call.isNull { return true }
        return false
    }
}
