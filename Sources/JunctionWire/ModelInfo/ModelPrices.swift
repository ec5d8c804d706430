/// A model's list prices in US dollars per million tokens.
///
/// `cachedInput` is the price of input tokens read from the provider's prompt cache, where the provider
/// publishes one; `nil` means unknown (callers fall back to `input`).
public struct ModelPrices: Sendable, Hashable, Codable {
    /// Dollars per million input (prompt) tokens.
    public var input: Double
    /// Dollars per million output (completion) tokens, reasoning included.
    public var output: Double
    /// Dollars per million cached input tokens, where known.
    public var cachedInput: Double?
    /// Dollars per million tokens written to a five-minute prompt cache, where priced apart (else `input`).
    public var cacheWrite: Double?
    /// Dollars per million tokens written to a one-hour prompt cache, where priced apart (else ``cacheWrite``).
    public var cacheWrite1h: Double?
    /// Dollars per million reasoning tokens, where priced apart from other output (else `output`).
    public var reasoning: Double?

    /// Creates a price entry.
    public init(
        input: Double, output: Double, cachedInput: Double? = nil, cacheWrite: Double? = nil, cacheWrite1h: Double? = nil,
        reasoning: Double? = nil
    ) {
        self.input = input
        self.output = output
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.cacheWrite1h = cacheWrite1h
        self.reasoning = reasoning
    }

    /// Free of charge (local servers, free tiers).
    public static let free = ModelPrices(input: 0, output: 0, cachedInput: 0)

    /// The estimated cost in dollars of a request with the given token counts.
    public func cost(inputTokens: Int, outputTokens: Int, cachedInputTokens: Int = 0) -> Double {
        let uncached = max(0, inputTokens - cachedInputTokens)
        let cachedPrice = cachedInput ?? input
        return (Double(uncached) * input + Double(cachedInputTokens) * cachedPrice + Double(outputTokens) * output) / 1_000_000
    }
}
