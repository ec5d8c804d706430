public import Foundation
public import GRDB

/// One row of the usage ledger: exactly one per client request, whatever its outcome.
public struct UsageRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "usage"

    public var id: Int64?
    /// The id Junction gave the request (`x-junction-request-id`), for finding it in the log.
    public var requestId: String?
    /// When the request arrived.
    public var createdAt: Date
    /// The name of the client key used, or `nil` when no key was needed.
    public var clientKey: String?
    /// The client's API: `openai`, `anthropic`, `gemini` or `openai-responses`.
    public var endpoint: String
    /// The model string the client sent (`oai/gpt-4o` or a combo name).
    public var requestedModel: String
    /// The provider that served it, or the last one tried when every attempt failed.
    public var provider: String?
    /// The provider's own model name.
    public var upstreamModel: String?
    /// Which of the provider's accounts served (0-based), for per-account budgets.
    public var account: Int?
    /// The combo the client named, if it named one.
    public var combo: String?
    /// The combo tier that served it.
    public var tier: String?
    /// Input tokens written to the provider's prompt cache.
    public var cacheWriteTokens: Int?
    /// What the exchange cost at the model's prices, in integer micro-dollars (`nil` when unpriced).
    public var costMicros: Int?
    public var attempts: Int
    /// The status the client received.
    public var status: Int
    public var stream: Bool
    /// From arrival to the last byte sent.
    public var latencyMs: Int
    /// From arrival to the first byte of the committed response.
    public var firstByteMs: Int?
    public var inputTokens: Int?
    public var outputTokens: Int?
    public var cachedInputTokens: Int?
    public var reasoningTokens: Int?
    /// The attempts, compactly: `oai/gpt-4o:429,backup/gpt-4o-mini:200`.
    public var route: String?
    /// A short reason when the client got an error.
    public var error: String?
    /// The error's class when the client got one: `rate_limited`, `auth`, `server`, `timeout`,
    /// `client`, `limit`, `no_route`… (the routing engine's error kinds, plus Junction's own refusals).
    public var errorClass: String?
    /// The part of ``cacheWriteTokens`` written to a one-hour cache (Anthropic distinguishes 5 minutes and 1 hour).
    public var cacheWrite1hTokens: Int?
    /// Estimated tokens the saver removed, by filter: `git-diff=120,ls=40`.
    public var saverFilters: String?
    /// Tool-output bytes in the request before and after the token saver (`nil` when it did not run).
    public var saverBytesBefore: Int?
    public var saverBytesAfter: Int?
    /// Estimated tool-output tokens before and after the token saver.
    public var saverTokensBefore: Int?
    public var saverTokensAfter: Int?

    public init(
        createdAt: Date, clientKey: String?, endpoint: String, requestedModel: String, provider: String?,
        upstreamModel: String?, attempts: Int, status: Int, stream: Bool, latencyMs: Int, firstByteMs: Int?,
        inputTokens: Int? = nil, outputTokens: Int? = nil, cachedInputTokens: Int? = nil, reasoningTokens: Int? = nil,
        route: String? = nil, error: String? = nil, saverBytesBefore: Int? = nil, saverBytesAfter: Int? = nil,
        saverTokensBefore: Int? = nil, saverTokensAfter: Int? = nil, account: Int? = nil, combo: String? = nil,
        tier: String? = nil, cacheWriteTokens: Int? = nil, costMicros: Int? = nil, requestId: String? = nil,
        errorClass: String? = nil, cacheWrite1hTokens: Int? = nil, saverFilters: String? = nil
    ) {
        self.saverFilters = saverFilters
        self.requestId = requestId
        self.errorClass = errorClass
        self.cacheWrite1hTokens = cacheWrite1hTokens
        self.createdAt = createdAt
        self.clientKey = clientKey
        self.endpoint = endpoint
        self.requestedModel = requestedModel
        self.provider = provider
        self.upstreamModel = upstreamModel
        self.attempts = attempts
        self.status = status
        self.stream = stream
        self.latencyMs = latencyMs
        self.firstByteMs = firstByteMs
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
        self.reasoningTokens = reasoningTokens
        self.route = route
        self.error = error
        self.saverBytesBefore = saverBytesBefore
        self.saverBytesAfter = saverBytesAfter
        self.saverTokensBefore = saverTokensBefore
        self.saverTokensAfter = saverTokensAfter
        self.account = account
        self.combo = combo
        self.tier = tier
        self.cacheWriteTokens = cacheWriteTokens
        self.costMicros = costMicros
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
