public import JunctionProviders
public import JunctionRouting
public import JunctionStore
public import JunctionWire
public import Logging
import NIOCore

/// The request pipeline, free of HTTP types: route a client request over its targets and accounts,
/// relay the first good response, and record one ledger row.
///
/// The server decodes transport details (auth, body limits) and hands the rest to ``handle(_:)``.
public final class Gateway: Sendable {
    public let config: JunctionConfig
    /// The routing engine: plans attempts, keeps health (cooldowns, breakers, quota) and sticky sessions.
    public let router: SharedRouter
    let upstream: UpstreamClient
    let ledger: Ledger?
    let logger: Logger
    let budgets: BudgetCounter

    /// The largest upstream body read whole (non-streamed responses and error bodies).
    static let maximumResponseBytes = 64 << 20

    public init(
        config: JunctionConfig, upstream: UpstreamClient, ledger: Ledger?, logger: Logger,
        clock: any RoutingClock = SystemRoutingClock(), health: HealthState = HealthState(), database: (any Store)? = nil
    ) {
        self.config = config
        self.router = SharedRouter(config: RoutingSetup.routingConfig(config), clock: clock, health: health)
        self.upstream = upstream
        self.ledger = ledger
        self.logger = logger
        self.budgets = BudgetCounter(config: config, database: database)
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
        if record { trace.finish(status: status, ledger: ledger, logger: logger) } else { trace.log(status: status, logger: logger) }
        let body = ErrorRenderer.body(format: trace.request.format, status: status, message: message, code: code, param: param)
        return .json(status: status, body.serialized(), headers: trace.responseHeaders + headers)
    }
}
