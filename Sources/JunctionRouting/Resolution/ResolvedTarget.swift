public import JunctionWire

/// One provider+model that a model string resolved to, before accounts are chosen.
public struct ResolvedTarget: Sendable, Hashable {
    /// The provider id.
    public var provider: String
    /// The upstream model id sent to the provider.
    public var model: String
    /// What is known of the model there, if anything.
    public var profile: ModelProfile?
    /// The provider's API format.
    public var format: APIFormat
    /// The combo tier the target belongs to, if any.
    public var tier: String?
    /// The innermost combo the target came from, if any.
    public var combo: String?
    /// The combo's weight for this target (1 outside combos).
    public var weight: Double

    /// Creates a target.
    public init(
        provider: String, model: String, profile: ModelProfile?, format: APIFormat,
        tier: String? = nil, combo: String? = nil, weight: Double = 1
    ) {
        self.provider = provider
        self.model = model
        self.profile = profile
        self.format = format
        self.tier = tier
        self.combo = combo
        self.weight = weight
    }

    /// The provider+model key.
    public var key: ProviderModelKey { ProviderModelKey(provider: provider, model: model) }
}

/// Mutable strategy state shared by requests: rotation counters, usage counters and the random source.
public struct StrategyState: Sendable, Hashable {
    /// Round-robin counters by combo tier.
    public var rotations: [String: Int]
    /// Round-robin counters by provider, for account selection.
    public var accountRotations: [String: Int]
    /// Attempts handed out per account since start, for `least-used` without supplied counts.
    public var accountUse: [AccountKey: Int]
    /// The injected random source (exploration, weights).
    public var random: SeededRandom

    /// Creates state with a seed for the random source.
    public init(seed: UInt64 = 0x5EED) {
        rotations = [:]
        accountRotations = [:]
        accountUse = [:]
        random = SeededRandom(seed: seed)
    }
}
