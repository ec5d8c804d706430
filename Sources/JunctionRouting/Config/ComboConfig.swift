/// A named combination of targets with a strategy, optionally grouped in tiers.
///
/// A target is any model string: `provider/model`, a logical model, or another combo's name
/// (combos nest; a cycle is a configuration error).
public struct ComboConfig: Sendable, Hashable, Codable {
    /// The name clients send as the model.
    public var name: String
    /// How targets within a tier are ordered.
    public var strategy: ComboStrategy
    /// The tiers, used up in order; a combo without tiers has one unnamed tier.
    public var tiers: [ComboTier]
    /// Whether a conversation keeps its target while that target is healthy.
    public var sticky: Bool

    /// Creates a combo with tiers.
    public init(name: String, strategy: ComboStrategy = .fallback, tiers: [ComboTier], sticky: Bool = false) {
        self.name = name
        self.strategy = strategy
        self.tiers = tiers
        self.sticky = sticky
    }

    /// Creates a combo with one tier of targets.
    public init(name: String, strategy: ComboStrategy = .fallback, targets: [ComboTarget], sticky: Bool = false) {
        self.init(name: name, strategy: strategy, tiers: [ComboTier(name: nil, targets: targets)], sticky: sticky)
    }
}

/// A group of targets that is used up before the next tier (e.g. `subscription`, `cheap`, `free`).
public struct ComboTier: Sendable, Hashable, Codable {
    /// The tier's name, reported on each attempt.
    public var name: String?
    /// The targets.
    public var targets: [ComboTarget]

    /// Creates a tier.
    public init(name: String?, targets: [ComboTarget]) {
        self.name = name
        self.targets = targets
    }
}

/// One member of a combo.
public struct ComboTarget: Sendable, Hashable, Codable, ExpressibleByStringLiteral {
    /// A model string: `provider/model`, a logical model or a combo name.
    public var ref: String
    /// The weight for the `weighted` strategy.
    public var weight: Double

    /// Creates a target.
    public init(_ ref: String, weight: Double = 1) {
        self.ref = ref
        self.weight = weight
    }

    /// Creates a target of weight 1 from a string literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// How a combo orders the targets of a tier.
public enum ComboStrategy: String, Sendable, Hashable, Codable, CaseIterable {
    /// In configuration order.
    case fallback
    /// Each request starts one target later.
    case roundRobin = "round-robin"
    /// At random in proportion to the weights (the rest follow, also drawn by weight).
    case weighted
    /// Lowest moving-average time to first token first, with a little exploration.
    case lowestLatency = "lowest-latency"
    /// Cheapest for the request's estimated tokens first.
    case lowestCost = "lowest-cost"
}
