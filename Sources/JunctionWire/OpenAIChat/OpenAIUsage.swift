/// Token counts read from an OpenAI `usage` object.
public struct TokenUsage: Sendable, Hashable {
    public var inputTokens: Int?
    public var outputTokens: Int?
    public var cachedInputTokens: Int?
    public var reasoningTokens: Int?
    /// Input tokens written to the provider's prompt cache (Anthropic's cache creation).
    public var cacheWriteTokens: Int?

    public init(
        inputTokens: Int? = nil, outputTokens: Int? = nil, cachedInputTokens: Int? = nil, reasoningTokens: Int? = nil,
        cacheWriteTokens: Int? = nil
    ) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
        self.reasoningTokens = reasoningTokens
        self.cacheWriteTokens = cacheWriteTokens
    }

    /// The cost in integer micro-dollars at `prices` (dollars per million tokens): uncached input,
    /// cache reads at the cached price, cache writes at the input price, and output (reasoning included).
    public func costMicros(at prices: ModelPrices) -> Int {
        let input = inputTokens ?? 0
        let cached = min(cachedInputTokens ?? 0, input)
        let written = min(cacheWriteTokens ?? 0, input - cached)
        let uncached = input - cached - written
        let micros = Double(uncached) * prices.input + Double(cached) * (prices.cachedInput ?? prices.input)
            + Double(written) * prices.input + Double(outputTokens ?? 0) * prices.output
        return Int(micros.rounded())
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
