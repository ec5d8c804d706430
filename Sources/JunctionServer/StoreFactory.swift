public import JunctionGateway
public import JunctionStore
public import Logging
import ServiceLifecycle

/// Opens the store a configuration names: PostgreSQL for `database: postgres://…`, else SQLite in the data folder.
public enum StoreFactory {
    /// Runs `body` with the store open (for commands that do one thing and exit).
    public static func withStore<T: Sendable>(_ config: JunctionConfig, logger: Logger, _ body: (any Store) async throws -> T) async throws -> T {
        if let url = config.database {
            return try await withPostgresStore(url: url, logger: logger) { try await body($0) }
        }
        return try await body(try JunctionDatabase(dataDir: config.dataDir))
    }

    /// Opens the store for a server: PostgreSQL's connection pool and change listener start running at
    /// once (the runtime reads the store before its service group starts) and stop when the returned
    /// service's graceful shutdown comes, after every other service has stopped.
    static func open(_ config: JunctionConfig, logger: Logger) async throws -> (store: any Store, service: (any Service)?) {
        guard let url = config.database else { return (try JunctionDatabase(dataDir: config.dataDir), nil) }
        let store = try await PostgresStore(url: url, logger: logger)
        let task = Task<Void, Never> { _ = try? await store.run() }
        if !(await store.waitUntilListening(timeout: .seconds(10))) {
            logger.warning("PostgreSQL change listener is not listening yet", metadata: ["store": "\(store.label)"])
        }
        return (store, BackgroundStoreService(task: task))
    }
}

/// Keeps a store's background work running until the service group's graceful shutdown reaches it.
struct BackgroundStoreService: Service {
    let task: Task<Void, Never>

    func run() async {
        try? await gracefulShutdown()
        task.cancel()
        await task.value
    }
}
