public import Foundation

/// The few columns of one ledger row that usage aggregates need.
public struct UsageFact: Sendable, Hashable {
    public var createdAt: Date
    public var clientKey: String?
    public var provider: String?
    public var model: String?
    public var combo: String?
    public var status: Int
    public var latencyMs: Int
    public var inputTokens: Int
    public var outputTokens: Int
    public var cachedInputTokens: Int
    public var costMicros: Int
    public var saverTokensSaved: Int

    public init(
        createdAt: Date, clientKey: String?, provider: String?, model: String?, combo: String?, status: Int, latencyMs: Int,
        inputTokens: Int, outputTokens: Int, cachedInputTokens: Int, costMicros: Int, saverTokensSaved: Int
    ) {
        self.createdAt = createdAt
        self.clientKey = clientKey
        self.provider = provider
        self.model = model
        self.combo = combo
        self.status = status
        self.latencyMs = latencyMs
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
        self.costMicros = costMicros
        self.saverTokensSaved = saverTokensSaved
    }
}

/// What one client key spent over a window.
public struct KeyUsage: Sendable, Hashable {
    public var requests: Int
    public var tokens: Int
    public var costMicros: Int

    public init(requests: Int = 0, tokens: Int = 0, costMicros: Int = 0) {
        self.requests = requests
        self.tokens = tokens
        self.costMicros = costMicros
    }
}
