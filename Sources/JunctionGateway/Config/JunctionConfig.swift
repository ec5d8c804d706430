public import JunctionProviders
public import JunctionRouting
public import JunctionSaver
public import JunctionStore
public import JunctionWire
import Foundation

/// Everything `junction serve` needs to know, read from the YAML file and the command line.
///
/// The YAML names (`listen`, `data_dir`, `client_keys`, `providers`, `combos`) are a contract that
/// scripts rely on: fields may be added, never renamed.
public struct JunctionConfig: Sendable {
    /// Where the server listens; loopback by default.
    public var listen: ListenAddress
    /// The folder for the SQLite database and other state; `~` is expanded.
    public var dataDir: String
    /// The keys clients must present; empty means no key is needed (loopback only).
    public var clientKeys: [ClientKey]
    /// The upstream providers, each with one or more accounts.
    public var providers: [ProviderConfig]
    /// Named lists of targets tried in order.
    public var combos: [ComboConfig]
    /// Upstream timeouts for providers that do not set their own.
    public var timeouts: UpstreamTimeouts
    /// The token saver's level where neither the client key nor the combo sets one.
    public var saver: SaverLevel
    /// Failover bounds, error table and strategy settings (the `routing:` section).
    public var routing: RoutingPolicy
    /// The bearer token for the admin API (`admin_token`); without it, only a dashboard session opens `/api`.
    public var adminToken: String?
    /// The bearer token for `/metrics`; without it, `/metrics` is served to this machine only.
    public var metricsToken: String?
    /// `postgres://…` to share one PostgreSQL between instances; `nil` keeps SQLite in the data folder.
    public var database: String?
    /// The file the configuration was read from, if any (shown in the dashboard).
    public var file: String?
    /// Whether clients must present a key even when none is active: set once any key was ever made
    /// through the API, so revoking the last one locks the door rather than opening it.
    public var requiresClientKeys = false

    public init(
        listen: ListenAddress = .default,
        dataDir: String = "~/.junction",
        clientKeys: [ClientKey] = [],
        providers: [ProviderConfig] = [],
        combos: [ComboConfig] = [],
        timeouts: UpstreamTimeouts = .init(),
        saver: SaverLevel = .safe,
        routing: RoutingPolicy = RoutingPolicy()
    ) {
        self.listen = listen
        self.dataDir = dataDir
        self.clientKeys = clientKeys
        self.providers = providers
        self.combos = combos
        self.timeouts = timeouts
        self.saver = saver
        self.routing = routing
    }

    /// The client key whose hash is `hash`, if it is configured and not revoked.
    public func clientKey(hash: String) -> ClientKey? { clientKeys.first { $0.hash == hash } }

    /// The provider with this id.
    public func provider(id: String) -> ProviderConfig? { providers.first { $0.id == id } }

    /// The combo with this name.
    public func combo(named name: String) -> ComboConfig? { combos.first { $0.name == name } }

    /// The saver level for a request: the request header's, else the client key's, else the combo's,
    /// else the default.
    public func saverLevel(requested: SaverLevel?, clientKey: String?, model: String) -> SaverLevel {
        if let requested { return requested }
        if let clientKey, let level = clientKeys.first(where: { $0.name == clientKey })?.saver { return level }
        return combo(named: model)?.saver ?? saver
    }
}

/// A host and port to listen on.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    /// `127.0.0.1:20128`.
    public static let `default` = ListenAddress(host: "127.0.0.1", port: 20128)

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Whether only this machine can connect: 127.0.0.0/8, `::1` or `localhost`.
    public var isLoopback: Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Where a piece of configuration comes from: the YAML file (read-only at run time) or the admin API
/// (kept in the database).
public enum ConfigSource: String, Sendable, Hashable {
    case file
    case api
}

/// A named client key. Only the key's SHA-256 is kept, whether it came from the file or the API.
public struct ClientKey: Sendable, Hashable {
    public var name: String
    /// Lowercase hex SHA-256 of the key.
    public var hash: String
    /// The token saver's level for this key's requests, overriding the combo's and the default.
    public var saver: SaverLevel?
    /// Rate, token and spending limits, and the models it may use.
    public var limits: KeyLimits
    /// The stored key's public id (`key_…`); `nil` for keys from the file.
    public var id: String?
    public var source: ConfigSource

    /// A key from its plaintext, as the file gives it.
    public init(name: String, key: String, saver: SaverLevel? = nil, limits: KeyLimits = KeyLimits()) {
        self.init(name: name, hash: ClientKeyMaker.hash(key), saver: saver, limits: limits, id: nil, source: .file)
    }

    public init(name: String, hash: String, saver: SaverLevel?, limits: KeyLimits, id: String?, source: ConfigSource) {
        self.name = name
        self.hash = hash
        self.saver = saver
        self.limits = limits
        self.id = id
        self.source = source
    }
}

/// One upstream provider: where it is, what it speaks, and its accounts.
public struct ProviderConfig: Sendable {
    /// The prefix in model names: `oai` in `oai/gpt-4o-mini`.
    public var id: String
    public var format: APIFormat
    /// The API root, for example `https://api.openai.com/v1`.
    public var baseURL: String
    /// One key per account, resolved from `env:` references; empty for keyless local servers.
    public var apiKeys: [String]
    /// The models it serves, listed in `/v1/models`; empty means any model name is passed on.
    public var models: [String]
    public var timeouts: UpstreamTimeouts
    /// The catalog entry it is (`kind: deepseek`), which supplies format, URL, context windows and prices.
    public var kind: String?
    /// Which account a request tries first: `fill-first`, `round-robin` or `least-used`.
    public var accountSelection: AccountSelection
    /// Per-account budgets over rolling windows, counted from the ledger.
    public var budgets: [AccountBudget]
    /// Prices that override the catalog's, by model name.
    public var prices: [String: ModelPrices]
    /// A label per account (`accounts[].name` through the API); empty means `#0`, `#1`…
    public var accountNames: [String]
    public var source: ConfigSource

    public init(
        id: String,
        format: APIFormat = .openAIChat,
        baseURL: String,
        apiKeys: [String] = [],
        models: [String] = [],
        timeouts: UpstreamTimeouts = .init(),
        kind: String? = nil,
        accountSelection: AccountSelection = .fillFirst,
        budgets: [AccountBudget] = [],
        prices: [String: ModelPrices] = [:],
        accountNames: [String] = [],
        source: ConfigSource = .file
    ) {
        self.prices = prices
        self.accountNames = accountNames
        self.source = source
        self.id = id
        self.format = format
        self.baseURL = baseURL
        self.apiKeys = apiKeys
        self.models = models
        self.timeouts = timeouts
        self.kind = kind
        self.accountSelection = accountSelection
        self.budgets = budgets
    }
}

/// A named route: tiers of targets (`provider/model`, another combo, or a model name several
/// providers serve), ordered by the strategy; a tier is used up before the next is tried.
public struct ComboConfig: Sendable {
    public var name: String
    public var strategy: ComboStrategy
    public var tiers: [ComboTier]
    /// Keep a conversation on the same target while it is healthy.
    public var sticky: Bool
    /// The token saver's level for requests to this combo, unless the client key sets one.
    public var saver: SaverLevel?
    public var source: ConfigSource = .file

    public init(name: String, strategy: ComboStrategy = .fallback, tiers: [ComboTier], sticky: Bool = false, saver: SaverLevel? = nil) {
        self.name = name
        self.strategy = strategy
        self.tiers = tiers
        self.sticky = sticky
        self.saver = saver
    }

    /// A combo of one unnamed tier.
    public init(name: String, strategy: ComboStrategy = .fallback, targets: [String], sticky: Bool = false, saver: SaverLevel? = nil) {
        self.init(
            name: name, strategy: strategy, tiers: [ComboTier(name: nil, targets: targets.map { ComboTarget($0) })], sticky: sticky,
            saver: saver)
    }

    /// Every target reference, tier by tier.
    public var targets: [String] { tiers.flatMap { $0.targets.map(\.ref) } }
}
