/// Why the model stopped, in one vocabulary.
public enum FinishReason: Sendable, Hashable {
    /// A natural end of turn.
    case stop
    /// A stop sequence matched (the sequence, when known).
    case stopSequence(String?)
    /// The output cap was reached.
    case length
    /// The model called tools and waits for their results.
    case toolCalls
    /// A safety or content filter stopped the answer.
    case contentFilter
    /// The model refused.
    case refusal
    /// The model produced a tool call the provider could not parse (Gemini `MALFORMED_FUNCTION_CALL`).
    case malformedToolCall
    /// A long-running turn paused (Anthropic `pause_turn`).
    case pause
    /// A reason with no equivalent, as the provider spelled it.
    case other(String)
}
