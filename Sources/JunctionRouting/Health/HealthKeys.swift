/// One account of one provider (accounts are numbered from 0 in configuration order).
public struct AccountKey: Sendable, Hashable, Codable, Comparable {
    /// The provider id.
    public var provider: String
    /// The account index within the provider.
    public var account: Int

    /// Creates a key.
    public init(provider: String, account: Int) {
        self.provider = provider
        self.account = account
    }

    /// Orders by provider, then account.
    public static func < (lhs: AccountKey, rhs: AccountKey) -> Bool {
        (lhs.provider, lhs.account) < (rhs.provider, rhs.account)
    }
}

/// One upstream model on one account: the unit that rate limits and 404s cool down.
public struct AccountModelKey: Sendable, Hashable, Codable, Comparable {
    /// The provider id.
    public var provider: String
    /// The account index within the provider.
    public var account: Int
    /// The upstream model id.
    public var model: String

    /// Creates a key.
    public init(provider: String, account: Int, model: String) {
        self.provider = provider
        self.account = account
        self.model = model
    }

    /// The account part of the key.
    public var accountKey: AccountKey { AccountKey(provider: provider, account: account) }

    /// The provider+model part of the key.
    public var providerModel: ProviderModelKey { ProviderModelKey(provider: provider, model: model) }

    /// Orders by provider, account, then model.
    public static func < (lhs: AccountModelKey, rhs: AccountModelKey) -> Bool {
        (lhs.provider, lhs.account, lhs.model) < (rhs.provider, rhs.account, rhs.model)
    }
}

/// One upstream model at one provider, across its accounts: the unit of circuit breakers and latency.
public struct ProviderModelKey: Sendable, Hashable, Codable, Comparable {
    /// The provider id.
    public var provider: String
    /// The upstream model id.
    public var model: String

    /// Creates a key.
    public init(provider: String, model: String) {
        self.provider = provider
        self.model = model
    }

    /// Orders by provider, then model.
    public static func < (lhs: ProviderModelKey, rhs: ProviderModelKey) -> Bool {
        (lhs.provider, lhs.model) < (rhs.provider, rhs.model)
    }
}
