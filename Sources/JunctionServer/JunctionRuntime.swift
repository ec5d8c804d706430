public import JunctionGateway
public import JunctionRouting
import JunctionProviders
public import JunctionStore
public import Logging
public import ServiceLifecycle
public import UnixSignals
import NIOCore
public import Foundation
public import Hummingbird

/// One running Junction: the database, the ledger, the upstream client, the gateway and the HTTP
/// server, as one `ServiceGroup`.
///
/// The server is the last service, so on SIGTERM or SIGINT it stops first: it stops accepting,
/// lets in-flight requests (streams too) finish for up to ``gracefulShutdownLimit``, then the
/// upstream client closes and the ledger writes what is queued.
public final class JunctionRuntime: Sendable {
    /// How long in-flight requests may run on after a shutdown signal.
    public static let gracefulShutdownLimit: Duration = .seconds(10)

    /// The configuration read from the file (what the admin API adds is in ``gateway``'s).
    public let config: JunctionConfig
    /// Where the ledger, health, keys and managed configuration live.
    public let store: any Store
    public let ledger: Ledger
    public let gateway: Gateway
    public let administration: Administration
    let upstream: UpstreamClient
    let logger: Logger
    let metrics: MetricsEndpoint
    /// PostgreSQL's pool and listener, stopped last.
    let storeService: (any Service)?

    /// Opens the store, loads what the admin API stored, and checks that the configuration is safe to serve.
    ///
    /// - Throws: ``StartupError`` when listening off loopback without client keys; storage and secret-key errors.
    public init(
        config: JunctionConfig, logger: Logger, clock: any RoutingClock = SystemRoutingClock(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws {
        self.config = config
        self.logger = logger
        (store, storeService) = try await StoreFactory.open(config, logger: logger)
        let secrets = try SecretBox.load(environment: environment, dataDir: config.dataDir)
        ledger = Ledger(store: store, logger: logger)
        upstream = UpstreamClient()
        metrics = MetricsEndpoint()
        gateway = Gateway(
            config: config, upstream: upstream, ledger: ledger, logger: logger, clock: clock,
            health: await HealthPersister.restore(from: store, logger: logger), database: store,
            metrics: metrics.gateway)
        administration = Administration(fileConfig: config, gateway: gateway, store: store, secrets: secrets, logger: logger, environment: environment)
        try await administration.reload()
        guard config.listen.isLoopback || gateway.requiresClientKey else {
            throw StartupError(
                "Refusing to listen on \(config.listen) without client keys: anyone on the network could spend your "
                    + "provider credits. Add client_keys to the configuration (or create one with `junction keys create`), "
                    + "or listen on 127.0.0.1.")
        }
    }

    /// Every route: the client APIs, the admin API, the dashboard and `/metrics`.
    public func makeRouter() -> Router<JunctionRequestContext> {
        let router = Router(context: JunctionRequestContext.self)
        router.addClientRoutes(gateway: gateway)
        let sessions = DashboardSessions(store: store)
        router.addAdminRoutes(
            administration: administration, authenticator: AdminAuthenticator(adminToken: config.adminToken, sessions: sessions),
            openAPI: DashboardAssets.openAPIDocument())
        DashboardRoutes(assets: DashboardAssets.load(), sessions: sessions, password: AdminPassword(store: store)).add(to: router)
        router.addMetricsRoute(endpoint: metrics, token: config.metricsToken, gateway: gateway, ledger: ledger)
        return router
    }

    /// The service group to run; `onListening` gets the bound port (useful when the port is 0).
    public func makeServiceGroup(
        signals: [UnixSignal] = [.sigterm, .sigint], onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> ServiceGroup {
        let application = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(config.listen.host, port: config.listen.port), serverName: "junction"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        var configuration = ServiceGroupConfiguration(
            services: (storeService.map { [ServiceGroupConfiguration.ServiceConfiguration(service: $0)] } ?? []) + [
                .init(service: ledger),
                .init(service: HealthPersister(router: gateway.router, database: store, logger: logger)),
                .init(service: ConfigWatcher(administration: administration)),
                .init(service: UpstreamClientService(client: upstream)),
                .init(service: application),
            ],
            gracefulShutdownSignals: signals,
            logger: logger)
        configuration.maximumGracefulShutdownDuration = Self.gracefulShutdownLimit
        return ServiceGroup(configuration: configuration)
    }
}
