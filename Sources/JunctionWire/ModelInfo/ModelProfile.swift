/// What routing needs to know about one model at one provider: its size limits, capabilities and prices.
///
/// The provider catalog produces these; the configuration may override any field. Every field but
/// `id` is optional, because a model reached through an arbitrary OpenAI-compatible URL may be unknown:
/// routing never skips a target for a limit it does not know.
public struct ModelProfile: Sendable, Hashable, Codable {
    /// The model id as the provider expects it in the request body.
    public var id: String
    /// Other names clients may use for the same model (for example `claude-sonnet-4-5` for
    /// OpenRouter's `anthropic/claude-sonnet-4.5`); they make one logical model out of several providers.
    public var aliases: [String]
    /// The context window in tokens (input plus output), if known.
    public var contextWindow: Int?
    /// The most output tokens one response may have, if known.
    public var maxOutputTokens: Int?
    /// What the model supports; `nil` when unknown.
    public var capabilities: ModelCapabilities?
    /// List prices, if known.
    public var prices: ModelPrices?

    /// Creates a profile.
    public init(
        id: String,
        aliases: [String] = [],
        contextWindow: Int? = nil,
        maxOutputTokens: Int? = nil,
        capabilities: ModelCapabilities? = nil,
        prices: ModelPrices? = nil
    ) {
        self.id = id
        self.aliases = aliases
        self.contextWindow = contextWindow
        self.maxOutputTokens = maxOutputTokens
        self.capabilities = capabilities
        self.prices = prices
    }

    /// Whether `name` is this model's id or one of its aliases.
    public func answers(to name: String) -> Bool {
        id == name || aliases.contains(name)
    }

    /// This profile with every field that `override` sets replacing the one here.
    public func overlaid(with override: ModelProfileOverride) -> ModelProfile {
        var copy = self
        if let value = override.contextWindow { copy.contextWindow = value }
        if let value = override.maxOutputTokens { copy.maxOutputTokens = value }
        if let value = override.capabilities { copy.capabilities = value }
        if let value = override.prices { copy.prices = value }
        if let value = override.aliases { copy.aliases = value }
        return copy
    }
}

/// Fields of a ``ModelProfile`` that a configuration sets over the catalog's figures; `nil` keeps the catalog's.
public struct ModelProfileOverride: Sendable, Hashable, Codable {
    /// Replacement aliases.
    public var aliases: [String]?
    /// Replacement context window.
    public var contextWindow: Int?
    /// Replacement output limit.
    public var maxOutputTokens: Int?
    /// Replacement capabilities.
    public var capabilities: ModelCapabilities?
    /// Replacement prices.
    public var prices: ModelPrices?

    /// Creates an override.
    public init(
        aliases: [String]? = nil,
        contextWindow: Int? = nil,
        maxOutputTokens: Int? = nil,
        capabilities: ModelCapabilities? = nil,
        prices: ModelPrices? = nil
    ) {
        self.aliases = aliases
        self.contextWindow = contextWindow
        self.maxOutputTokens = maxOutputTokens
        self.capabilities = capabilities
        self.prices = prices
    }
}
