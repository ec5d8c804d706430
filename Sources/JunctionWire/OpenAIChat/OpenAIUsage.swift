/// Token counts read from an OpenAI `usage` object.
public struct TokenUsage: Sendable, Hashable {
    public var inputTokens: Int?
    public var outputTokens: Int?
    public var cachedInputTokens: Int?
    public var reasoningTokens: Int?

    public init(inputTokens: Int? = nil, outputTokens: Int? = nil, cachedInputTokens: Int? = nil, reasoningTokens: Int? = nil) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
        self.reasoningTokens = reasoningTokens
    }

    /// Reads `prompt_tokens`, `completion_tokens` and their details from OpenAI's usage shape.
    public init(openAIUsage usage: JSONValue) {
        self.init(
            inputTokens: usage["prompt_tokens"]?.intValue,
            outputTokens: usage["completion_tokens"]?.intValue,
            cachedInputTokens: usage["prompt_tokens_details"]?["cached_tokens"]?.intValue,
            reasoningTokens: usage["completion_tokens_details"]?["reasoning_tokens"]?.intValue)
    }
}
