public import Foundation

/// A client key made through the admin API or `junction keys create`. Only its hash is kept: the key
/// itself is shown once, when it is made.
public struct StoredClientKey: Codable, Sendable, Hashable {
    /// A public identifier, `key_` and 12 hex digits, safe to show and log.
    public var id: String
    /// A label chosen by the admin; unique among keys that are not revoked. It is what the ledger records.
    public var name: String
    /// Hex SHA-256 of the key.
    public var hash: String
    /// The key's first characters (`jk-Ab12…`), so a person can tell keys apart.
    public var prefix: String
    public var createdAt: Date
    public var revokedAt: Date?
    public var limits: KeyLimits
    /// The token saver's level for this key (`off`, `safe`, `aggressive`), or `nil` for the default.
    public var saver: String?

    public init(
        id: String, name: String, hash: String, prefix: String, createdAt: Date, revokedAt: Date? = nil,
        limits: KeyLimits = KeyLimits(), saver: String? = nil
    ) {
        self.id = id
        self.name = name
        self.hash = hash
        self.prefix = prefix
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.limits = limits
        self.saver = saver
    }

    public var isRevoked: Bool { revokedAt != nil }
}

/// Budgets and limits of one client key; `nil` means unlimited.
public struct KeyLimits: Codable, Sendable, Hashable {
    public var requestsPerMinute: Int?
    /// Input plus output tokens since midnight UTC.
    public var tokensPerDay: Int?
    /// Cost in micro-dollars since midnight UTC.
    public var costMicrosPerDay: Int?
    /// Cost in micro-dollars since the first of the month, UTC.
    public var costMicrosPerMonth: Int?
    /// The model strings (`provider/model`, combo or model names) this key may use; `nil` allows all.
    public var allowedModels: [String]?

    public init(
        requestsPerMinute: Int? = nil, tokensPerDay: Int? = nil, costMicrosPerDay: Int? = nil, costMicrosPerMonth: Int? = nil,
        allowedModels: [String]? = nil
    ) {
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerDay = tokensPerDay
        self.costMicrosPerDay = costMicrosPerDay
        self.costMicrosPerMonth = costMicrosPerMonth
        self.allowedModels = allowedModels
    }

    public var isEmpty: Bool { self == KeyLimits() }
}
