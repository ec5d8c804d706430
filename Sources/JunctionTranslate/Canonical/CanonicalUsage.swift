/// Token counts in one convention, whatever the provider reported.
///
/// `inputTokens` counts every prompt token, cached or not (OpenAI's and Gemini's convention);
/// Anthropic's `input_tokens` is the uncached remainder, which ``uncachedInputTokens`` gives back.
/// `outputTokens` includes reasoning tokens (OpenAI's convention; Gemini reports them apart).
public struct CanonicalUsage: Sendable, Hashable {
    /// All prompt tokens, including cache reads and cache writes.
    public var inputTokens: Int
    /// Prompt tokens read from the cache.
    public var cachedInputTokens: Int
    /// Prompt tokens written to the cache.
    public var cacheWriteTokens: Int
    /// All generated tokens, including reasoning.
    public var outputTokens: Int
    /// Generated tokens spent on reasoning.
    public var reasoningTokens: Int
    /// The part of ``cacheWriteTokens`` written to a one-hour cache (Anthropic's `ephemeral_1h_input_tokens`).
    public var cacheWrite1hTokens: Int = 0

    /// Usage with the given counts.
    public init(inputTokens: Int = 0, cachedInputTokens: Int = 0, cacheWriteTokens: Int = 0, outputTokens: Int = 0, reasoningTokens: Int = 0) {
        self.inputTokens = inputTokens
        self.cachedInputTokens = cachedInputTokens
        self.cacheWriteTokens = cacheWriteTokens
        self.outputTokens = outputTokens
        self.reasoningTokens = reasoningTokens
    }

    /// Prompt tokens that were neither read from nor written to the cache.
    public var uncachedInputTokens: Int { max(0, inputTokens - cachedInputTokens - cacheWriteTokens) }

    /// Input plus output.
    public var totalTokens: Int { inputTokens + outputTokens }
}
