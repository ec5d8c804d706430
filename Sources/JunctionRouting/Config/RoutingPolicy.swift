import Foundation

/// Global routing settings: bounds on failover, the error table, breaker thresholds, strategy tuning.
public struct RoutingPolicy: Sendable, Hashable {
    /// At most this many attempts per request.
    public var maxAttempts: Int
    /// The total time in seconds a request may spend failing over.
    public var deadline: TimeInterval
    /// The longest rate-limit reset worth waiting for when no other target is left (never past the deadline).
    public var maxRetryWait: TimeInterval
    /// The error table.
    public var errorTable: ErrorTable
    /// Circuit-breaker thresholds.
    public var breaker: CircuitBreaker.Settings
    /// The chance that `lowest-latency` puts a random other target first, so a recovered target is noticed.
    public var explorationRate: Double
    /// The weight of a new sample in latency moving averages.
    public var latencyAlpha: Double
    /// How the providers serving a logical model are ordered.
    public var logicalModelOrder: LogicalModelOrder
    /// Whether conversations stick to their target when the model is not a combo (combos say it themselves).
    public var stickyByDefault: Bool
    /// How long a sticky conversation keeps its target without being seen.
    public var stickyTTL: TimeInterval
    /// The most sticky conversations remembered.
    public var stickyCapacity: Int
    /// Output tokens assumed when the request gives no limit (for cost estimates and window checks).
    public var defaultOutputTokens: Int

    /// Creates a policy; defaults: 6 attempts, 120 s deadline, the standard error table.
    public init(
        maxAttempts: Int = 6,
        deadline: TimeInterval = 120,
        maxRetryWait: TimeInterval = 10,
        errorTable: ErrorTable = .standard,
        breaker: CircuitBreaker.Settings = .init(),
        explorationRate: Double = 0.1,
        latencyAlpha: Double = 0.3,
        logicalModelOrder: LogicalModelOrder = .configuration,
        stickyByDefault: Bool = false,
        stickyTTL: TimeInterval = 3_600,
        stickyCapacity: Int = 10_000,
        defaultOutputTokens: Int = 1_000
    ) {
        self.maxAttempts = maxAttempts
        self.deadline = deadline
        self.maxRetryWait = maxRetryWait
        self.errorTable = errorTable
        self.breaker = breaker
        self.explorationRate = explorationRate
        self.latencyAlpha = latencyAlpha
        self.logicalModelOrder = logicalModelOrder
        self.stickyByDefault = stickyByDefault
        self.stickyTTL = stickyTTL
        self.stickyCapacity = stickyCapacity
        self.defaultOutputTokens = defaultOutputTokens
    }
}

/// How the providers that serve one logical model are ordered.
public enum LogicalModelOrder: String, Sendable, Hashable, Codable {
    /// Configuration order of the providers.
    case configuration
    /// Cheapest first for the request's estimated tokens.
    case price
    /// Lowest moving-average time to first token first.
    case latency
}

/// The whole routing configuration: providers, combos and policy.
public struct RoutingConfig: Sendable, Hashable {
    /// The providers, in configuration order.
    public var providers: [ProviderConfig]
    /// The combos.
    public var combos: [ComboConfig]
    /// The policy.
    public var policy: RoutingPolicy

    /// Creates a configuration.
    public init(providers: [ProviderConfig], combos: [ComboConfig] = [], policy: RoutingPolicy = RoutingPolicy()) {
        self.providers = providers
        self.combos = combos
        self.policy = policy
    }

    /// The provider with id `id`.
    public func provider(_ id: String) -> ProviderConfig? {
        providers.first { $0.id == id }
    }

    /// The combo named `name`.
    public func combo(_ name: String) -> ComboConfig? {
        combos.first { $0.name == name }
    }

    /// Whether requests for `model` keep a conversation on its target: the combo's `sticky`, or the
    /// policy's default for anything else.
    public func isSticky(_ model: String) -> Bool {
        combo(model)?.sticky ?? policy.stickyByDefault
    }
}
