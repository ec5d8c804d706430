/// Token counts read from an OpenAI `usage` object.
public struct TokenUsage: Sendable, Hashable {
    public var inputTokens: Int?
    public var outputTokens: Int?
    public var cachedInputTokens: Int?
    public var reasoningTokens: Int?
    /// Input tokens written to the provider's prompt cache (Anthropic's cache creation), all durations.
    public var cacheWriteTokens: Int?
    /// The part of ``cacheWriteTokens`` written to a one-hour cache, where the provider says.
    public var cacheWrite1hTokens: Int?

    public init(
        inputTokens: Int? = nil, outputTokens: Int? = nil, cachedInputTokens: Int? = nil, reasoningTokens: Int? = nil,
        cacheWriteTokens: Int? = nil, cacheWrite1hTokens: Int? = nil
    ) {
        self.cacheWrite1hTokens = cacheWrite1hTokens
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
        self.reasoningTokens = reasoningTokens
        self.cacheWriteTokens = cacheWriteTokens
    }

    /// The cost in integer micro-dollars at `prices` (dollars per million tokens): uncached input,
    /// cache reads at the cached price, cache writes at the five-minute or one-hour write price, output,
    /// and reasoning at its own price where it has one (it is counted inside the output tokens).
    public func costMicros(at prices: ModelPrices) -> Int {
        let input = inputTokens ?? 0
        let cached = min(cachedInputTokens ?? 0, input)
        let written = min(cacheWriteTokens ?? 0, input - cached)
        let writtenLong = min(cacheWrite1hTokens ?? 0, written)
        let uncached = input - cached - written
        let output = outputTokens ?? 0
        let reasoning = prices.reasoning == nil ? 0 : min(reasoningTokens ?? 0, output)
        let shortWritePrice = prices.cacheWrite ?? prices.input
        var micros = Double(uncached) * prices.input + Double(cached) * (prices.cachedInput ?? prices.input)
        micros += Double(written - writtenLong) * shortWritePrice + Double(writtenLong) * (prices.cacheWrite1h ?? shortWritePrice)
        micros += Double(output - reasoning) * prices.output + Double(reasoning) * (prices.reasoning ?? prices.output)
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
