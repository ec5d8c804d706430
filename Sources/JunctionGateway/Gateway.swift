public import JunctionProviders
public import JunctionRouting
public import JunctionStore
public import JunctionWire
public import Logging
import NIOCore
import Synchronization

/// The request pipeline, free of HTTP types: route a client request over its targets and accounts,
/// relay the first good response, and record one ledger row.
///
/// The server decodes transport details (auth, body limits) and hands the rest to ``handle(_:)``.
public final class Gateway: Sendable {
    /// The configuration in effect and what is derived from it; replaced whole by ``apply(_:)``.
    private struct State: Sendable {
        var config: JunctionConfig
        var budgets: BudgetCounter
        var keysByHash: [String: ClientKey]
    }

    /// The routing engine: plans attempts, keeps health (cooldowns, breakers, quota) and sticky sessions.
    public let router: SharedRouter
    let upstream: UpstreamClient
    let ledger: Ledger?
    let logger: Logger
    let store: (any Store)?
    private let state: Mutex<State>
    /// Per-request metrics, when the server collects them.
    public let metrics: GatewayMetrics?
    let limiter: KeyLimiter

    /// The largest upstream body read whole (non-streamed responses and error bodies).
    static let maximumResponseBytes = 64 << 20

    public init(
        config: JunctionConfig, upstream: UpstreamClient, ledger: Ledger?, logger: Logger,
        clock: any RoutingClock = SystemRoutingClock(), health: HealthState = HealthState(), database: (any Store)? = nil,
        metrics: GatewayMetrics? = nil
    ) {
        self.router = SharedRouter(config: RoutingSetup.routingConfig(config), clock: clock, health: health)
        self.upstream = upstream
        self.ledger = ledger
        self.logger = logger
        self.store = database
        self.metrics = metrics
        self.limiter = KeyLimiter(store: database)
        self.state = Mutex(Self.state(for: config, store: database))
    }

    /// The configuration in effect: the file's, plus what the admin API stored.
    public var config: JunctionConfig { state.withLock { $0.config } }

    /// Switches to a new configuration (already validated): routes, keys and budgets change for the
    /// requests that start from now on; health and sticky sessions are kept.
    public func apply(_ config: JunctionConfig) {
        router.update(config: RoutingSetup.routingConfig(config))
        let new = Self.state(for: config, store: store)
        state.withLock { $0 = new }
    }

    private static func state(for config: JunctionConfig, store: (any Store)?) -> State {
        State(
            config: config, budgets: BudgetCounter(config: config, database: store),
            keysByHash: Dictionary(config.clientKeys.map { ($0.hash, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    var budgets: BudgetCounter { state.withLock { $0.budgets } }

    /// Whether clients must present a key: some key is configured in the file, or was ever made through the API.
    public var requiresClientKey: Bool { state.withLock { !$0.keysByHash.isEmpty || $0.config.requiresClientKeys } }

    /// The configured key a client presented, found by its SHA-256; `nil` when none matches.
    public func clientKey(presented key: String) -> ClientKey? {
        let hash = ClientKeyMaker.hash(key)
        return state.withLock { $0.keysByHash[hash] }
    }

    /// Routes one client request and returns the response to send, errors included; never throws.
    public func handle(_ request: ClientRequest) async -> GatewayResponse {
        await route(request)
    }

    /// `GET /v1/models` in OpenAI's list shape: every listed `provider/model`, then every combo.
    public func modelList() -> JSONValue {
        let providerModels: [JSONValue] = config.providers.flatMap { provider in
            provider.models.map { model -> JSONValue in
                ["id": .string("\(provider.id)/\(model)"), "object": "model", "created": 0, "owned_by": .string(provider.id)]
            }
        }
        let combos: [JSONValue] = config.combos.map { combo in
            ["id": .string(combo.name), "object": "model", "created": 0, "owned_by": "junction"]
        }
        return ["object": "list", "data": .array(providerModels + combos)]
    }

    /// Every routable name, for error messages: each listed `provider/model`, then each combo.
    var modelNames: [String] {
        config.providers.flatMap { provider in provider.models.map { "\(provider.id)/\($0)" } } + config.combos.map(\.name)
    }

    /// Records and returns an error that Junction itself decided, before any upstream was tried.
    func reject(
        _ trace: RequestTrace, status: Int, message: String, code: String?, param: String? = nil, record: Bool = true,
        headers: [(name: String, value: String)] = []
    ) -> GatewayResponse {
        var trace = trace
        trace.error = trace.error ?? message
        trace.errorClass = trace.errorClass ?? code
        if record { trace.finish(status: status, ledger: ledger, logger: logger, metrics: metrics) } else { trace.log(status: status, logger: logger) }
        let body = ErrorRenderer.body(format: trace.request.format, status: status, message: message, code: code, param: param)
        return .json(status: status, body.serialized(), headers: trace.responseHeaders + headers)
    }
}
