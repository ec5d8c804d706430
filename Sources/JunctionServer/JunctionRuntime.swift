public import JunctionGateway
public import JunctionRouting
import JunctionProviders
public import JunctionStore
public import Logging
public import ServiceLifecycle
public import UnixSignals
import Hummingbird
import NIOCore

/// One running Junction: the database, the ledger, the upstream client, the gateway and the HTTP
/// server, as one `ServiceGroup`.
///
/// The server is the last service, so on SIGTERM or SIGINT it stops first: it stops accepting,
/// lets in-flight requests (streams too) finish for up to ``gracefulShutdownLimit``, then the
/// upstream client closes and the ledger writes what is queued.
public final class JunctionRuntime: Sendable {
    /// How long in-flight requests may run on after a shutdown signal.
    public static let gracefulShutdownLimit: Duration = .seconds(10)

    public let config: JunctionConfig
    public let database: JunctionDatabase
    public let ledger: Ledger
    public let gateway: Gateway
    let upstream: UpstreamClient
    let logger: Logger

    /// Opens the data folder and checks that the configuration is safe to serve.
    ///
    /// - Throws: ``StartupError`` when listening off loopback without client keys; storage errors.
    public init(config: JunctionConfig, logger: Logger, clock: any RoutingClock = SystemRoutingClock()) async throws {
        guard config.listen.isLoopback || !config.clientKeys.isEmpty else {
            throw StartupError(
                "Refusing to listen on \(config.listen) without client keys: anyone on the network could spend your "
                    + "provider credits. Add client_keys to the configuration, or listen on 127.0.0.1.")
        }
        self.config = config
        self.logger = logger
        database = try JunctionDatabase(dataDir: config.dataDir)
        ledger = Ledger(store: database, logger: logger)
        upstream = UpstreamClient()
        gateway = Gateway(
            config: config, upstream: upstream, ledger: ledger, logger: logger, clock: clock,
            health: await HealthPersister.restore(from: database, logger: logger), database: database)
    }

    /// The service group to run; `onListening` gets the bound port (useful when the port is 0).
    public func makeServiceGroup(
        signals: [UnixSignal] = [.sigterm, .sigint], onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> ServiceGroup {
        let router = Router(context: JunctionRequestContext.self)
        router.addClientRoutes(gateway: gateway)
        router.addHealthRoutes(gateway: gateway)
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(config.listen.host, port: config.listen.port), serverName: "junction"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        var configuration = ServiceGroupConfiguration(
            services: [
                .init(service: ledger),
                .init(service: HealthPersister(router: gateway.router, database: database, logger: logger)),
                .init(service: UpstreamClientService(client: upstream)),
                .init(service: application),
            ],
            gracefulShutdownSignals: signals,
            logger: logger)
        configuration.maximumGracefulShutdownDuration = Self.gracefulShutdownLimit
        return ServiceGroup(configuration: configuration)
    }
}
