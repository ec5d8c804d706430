import Foundation
public import JunctionWire

/// One configured upstream provider, as routing sees it: its format, how many accounts, which models.
///
/// The gateway fills these from the configuration file, taking model profiles from the provider
/// catalog (`kind: deepseek`) and overlaying the file's overrides.
public struct ProviderConfig: Sendable, Hashable {
    /// The provider id used in model strings (`oai` in `oai/gpt-4o`).
    public var id: String
    /// The API format the provider speaks.
    public var format: APIFormat
    /// How many accounts (keys) the provider has; numbered from 0 in configuration order.
    public var accountCount: Int
    /// How a request picks among the accounts.
    public var accountSelection: AccountSelection
    /// The models served, with what is known of each. The profile's `id` is the upstream model id.
    public var models: [ModelProfile]
    /// Whether `provider/anything` routes even when `anything` is not listed (OpenRouter, Ollama, vLLM).
    public var acceptsUnlistedModels: Bool
    /// Per-account budgets over rolling windows.
    public var budgets: [AccountBudget]
    /// The quota window in seconds that `insufficient_credits` disables an account for, if known.
    public var quotaWindow: TimeInterval?
    /// Whether the provider may retain or train on prompts (excluded by `data_collection: deny`).
    public var collectsData: Bool
    /// A fingerprint of each account's key (for example a hash prefix), so that a changed key
    /// re-enables an account disabled by an auth failure. `nil` entries or a short list mean unknown.
    public var keyFingerprints: [String?]

    /// Creates a provider configuration.
    public init(
        id: String,
        format: APIFormat,
        accountCount: Int = 1,
        accountSelection: AccountSelection = .fillFirst,
        models: [ModelProfile] = [],
        acceptsUnlistedModels: Bool = false,
        budgets: [AccountBudget] = [],
        quotaWindow: TimeInterval? = nil,
        collectsData: Bool = false,
        keyFingerprints: [String?] = []
    ) {
        self.id = id
        self.format = format
        self.accountCount = max(1, accountCount)
        self.accountSelection = accountSelection
        self.models = models
        self.acceptsUnlistedModels = acceptsUnlistedModels
        self.budgets = budgets
        self.quotaWindow = quotaWindow
        self.collectsData = collectsData
        self.keyFingerprints = keyFingerprints
    }

    /// The profile of the model named `name` (by id or alias), if listed.
    public func model(named name: String) -> ModelProfile? {
        models.first { $0.id == name } ?? models.first { $0.answers(to: name) }
    }

    /// The key fingerprint of `account`, if known.
    public func keyFingerprint(of account: Int) -> String? {
        account < keyFingerprints.count ? keyFingerprints[account] : nil
    }
}

/// How a request picks among a provider's accounts.
public enum AccountSelection: String, Sendable, Hashable, Codable, CaseIterable {
    /// Always the first usable account, in configuration order.
    case fillFirst = "fill-first"
    /// Each request starts one account later than the previous one.
    case roundRobin = "round-robin"
    /// The account with the fewest requests (from the caller's usage counts, else this process's).
    case leastUsed = "least-used"
}

/// A per-account budget over a rolling window, checked against counts the caller supplies.
public struct AccountBudget: Sendable, Hashable, Codable {
    /// The window length in seconds (e.g. 18 000 for 5 h, 604 800 for 7 d).
    public var window: TimeInterval
    /// The most requests in the window, if limited.
    public var maxRequests: Int?
    /// The most tokens in the window, if limited.
    public var maxTokens: Int?

    /// Creates a budget.
    public init(window: TimeInterval, maxRequests: Int? = nil, maxTokens: Int? = nil) {
        self.window = window
        self.maxRequests = maxRequests
        self.maxTokens = maxTokens
    }
}

/// Usage counts per account and window, supplied by the caller (from the ledger) for budget checks.
public struct UsageSnapshot: Sendable, Hashable {
    /// One account's usage over one window.
    public struct Count: Sendable, Hashable, Codable {
        /// Requests in the window.
        public var requests: Int
        /// Tokens in the window.
        public var tokens: Int

        /// Creates a count.
        public init(requests: Int = 0, tokens: Int = 0) {
            self.requests = requests
            self.tokens = tokens
        }
    }

    /// Counts by account and window length in seconds.
    public var counts: [AccountKey: [TimeInterval: Count]]

    /// Creates a snapshot.
    public init(counts: [AccountKey: [TimeInterval: Count]] = [:]) {
        self.counts = counts
    }

    /// No usage known.
    public static let empty = UsageSnapshot()

    /// The count for `account` over `window`, if supplied.
    public func count(_ account: AccountKey, window: TimeInterval) -> Count? {
        counts[account]?[window]
    }

    /// Sets the count for `account` over `window`.
    public mutating func set(_ account: AccountKey, window: TimeInterval, _ count: Count) {
        counts[account, default: [:]][window] = count
    }
}
