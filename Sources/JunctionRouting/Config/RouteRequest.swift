public import JunctionWire

/// What the planner needs to know about one client request.
public struct RouteRequest: Sendable, Hashable {
    /// The model string the client sent.
    public var model: String
    /// The request-level ordered fallback list (`models: [...]`); tried after `model`.
    public var models: [String]
    /// The request-level provider preferences (`provider: {...}`), as OpenRouter clients send them.
    public var preferences: ProviderPreferences?
    /// The estimated input tokens of the request.
    public var estimatedInputTokens: Int
    /// The output limit the client asked for, if any.
    public var maxOutputTokens: Int?
    /// Capabilities the request uses (tools, images, thinking).
    public var capabilities: ModelCapabilities
    /// The conversation key for sticky routing (a client header, else ``ConversationKey/derive(system:firstUserMessage:)``).
    public var conversationKey: String?

    /// Creates a request description.
    public init(
        model: String,
        models: [String] = [],
        preferences: ProviderPreferences? = nil,
        estimatedInputTokens: Int = 0,
        maxOutputTokens: Int? = nil,
        capabilities: ModelCapabilities = [],
        conversationKey: String? = nil
    ) {
        self.model = model
        self.models = models
        self.preferences = preferences
        self.estimatedInputTokens = estimatedInputTokens
        self.maxOutputTokens = maxOutputTokens
        self.capabilities = capabilities
        self.conversationKey = conversationKey
    }
}

/// Request-level provider preferences, as OpenRouter clients send them in `provider: {...}`.
public struct ProviderPreferences: Sendable, Hashable, Codable {
    /// Providers to try first, in this order.
    public var order: [String]
    /// Only these providers, if set.
    public var only: [String]?
    /// Never these providers.
    public var ignore: [String]
    /// Whether providers outside `order` may be used after it (default true).
    public var allowFallbacks: Bool
    /// Sort targets by price, latency or throughput instead of the configured strategy.
    public var sort: ProviderSort?
    /// `deny` excludes providers that may retain prompts.
    public var dataCollection: DataCollection?
    /// The highest acceptable prices, in dollars per million tokens.
    public var maxPrice: MaxPrice?

    /// Creates preferences.
    public init(
        order: [String] = [],
        only: [String]? = nil,
        ignore: [String] = [],
        allowFallbacks: Bool = true,
        sort: ProviderSort? = nil,
        dataCollection: DataCollection? = nil,
        maxPrice: MaxPrice? = nil
    ) {
        self.order = order
        self.only = only
        self.ignore = ignore
        self.allowFallbacks = allowFallbacks
        self.sort = sort
        self.dataCollection = dataCollection
        self.maxPrice = maxPrice
    }

    private enum CodingKeys: String, CodingKey {
        case order, only, ignore, sort
        case allowFallbacks = "allow_fallbacks"
        case dataCollection = "data_collection"
        case maxPrice = "max_price"
    }

    /// Decodes OpenRouter's JSON shape; every field is optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            order: try c.decodeIfPresent([String].self, forKey: .order) ?? [],
            only: try c.decodeIfPresent([String].self, forKey: .only),
            ignore: try c.decodeIfPresent([String].self, forKey: .ignore) ?? [],
            allowFallbacks: try c.decodeIfPresent(Bool.self, forKey: .allowFallbacks) ?? true,
            sort: try c.decodeIfPresent(ProviderSort.self, forKey: .sort),
            dataCollection: try c.decodeIfPresent(DataCollection.self, forKey: .dataCollection),
            maxPrice: try c.decodeIfPresent(MaxPrice.self, forKey: .maxPrice)
        )
    }
}

/// A request-level sort order.
public enum ProviderSort: String, Sendable, Hashable, Codable {
    /// Cheapest first.
    case price
    /// Lowest time to first token first.
    case latency
    /// Highest output tokens per second first.
    case throughput
}

/// Whether providers that may retain prompts are acceptable.
public enum DataCollection: String, Sendable, Hashable, Codable {
    /// Any provider.
    case allow
    /// Only providers that do not retain prompts.
    case deny
}

/// The highest acceptable prices in dollars per million tokens.
public struct MaxPrice: Sendable, Hashable, Codable {
    /// The highest input price.
    public var prompt: Double?
    /// The highest output price.
    public var completion: Double?

    /// Creates a limit.
    public init(prompt: Double? = nil, completion: Double? = nil) {
        self.prompt = prompt
        self.completion = completion
    }
}
