public import Foundation
public import Logging
import PostgresNIO
public import ServiceLifecycle
import Synchronization

/// One PostgreSQL database shared by several Junction instances: the ``Store`` for running more
/// than one process.
///
/// `init` connects once to apply the migrations (so a wrong URL or password fails at start-up);
/// after that the store is a `Service`: its ``run()`` runs the connection pool and the change
/// listener until graceful shutdown, and every other method waits for a pooled connection, so
/// ``run()`` must be running (in the application's `ServiceGroup`, or through
/// ``withPostgresStore(url:logger:_:)``). A `ServiceGroup` stops services in reverse order, so list
/// the store before the services that use it (the ledger's last flush needs it).
///
/// Mutations that other instances care about (health, client keys, managed items other than
/// sessions) send `NOTIFY junction_changes, '<kind>|<instance id>'` in the transaction that makes
/// them. A dedicated connection listens on that channel and republishes what other instances did
/// through ``changes()`` with `isLocal == false`; this instance's own changes are published as soon
/// as they commit, with `isLocal == true`, and their echo is ignored. The listener reconnects after
/// losing its connection, and then announces every kind once (as remote), since notifications sent
/// while it was away are lost.
///
/// ```swift
/// let store = try await PostgresStore(url: "postgres://junction:secret@db:5432/junction", logger: logger)
/// let group = ServiceGroup(services: [store, server], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
public final class PostgresStore: Store, Service, Sendable {
    /// The channel of change notifications.
    static let channel = "junction_changes"

    let client: PostgresClient
    let logger: Logger
    let broadcaster = ChangeBroadcaster()
    let listener = Mutex(ListenerState())
    private let started = Mutex(false)
    /// Identifies this instance in notifications, to tell its own changes from the others'.
    public let instanceID: UUID
    /// `postgres://user@host:port/database`, never the password.
    public let label: String

    /// Parses `url` (`postgres://` or `postgresql://`, optional `?sslmode=`), connects and applies
    /// the missing migrations. Call ``run()`` before using the store.
    public init(url: String, logger: Logger) async throws {
        let parsed = try PostgresURL(url)
        try await Self.migrate(parsed, logger: logger)
        self.label = parsed.label
        self.logger = logger
        self.instanceID = UUID()
        var configuration = parsed.clientConfiguration
        configuration.options.maximumConnections = Self.maximumConnections
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// The pool's limit per instance: requests are short, and several instances share the server's
    /// `max_connections` (100 by default). The listener holds one of these.
    static let maximumConnections = 10

    private static func migrate(_ url: PostgresURL, logger: Logger) async throws {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try url.connectionConfiguration(), id: 0, logger: logger)
            do {
                let applied = try await PostgresMigrations.migrate(connection, logger: logger)
                if !applied.isEmpty {
                    logger.info("PostgreSQL migrated", metadata: ["store": "\(url.label)", "applied": "\(applied.joined(separator: ","))"])
                }
                try? await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw StoreError(message: "PostgreSQL: cannot open \(url.label): \(safeReason(error))")
        }
    }

    /// Runs the connection pool and the change listener until graceful shutdown (or cancellation);
    /// then ends every ``changes()`` stream. Call it once.
    public func run() async throws {
        let first = started.withLock { started in
            defer { started = true }
            return !started
        }
        guard first else { throw StoreError(message: "PostgresStore.run() was called twice") }
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.client.run() }
                group.addTask { await self.listen() }
            }
        }
        broadcaster.finish()
    }

    public func changes() -> AsyncStream<StoreChange> { broadcaster.subscribe() }

    public func appliedMigrations() async throws -> [String] {
        try await guarded("read the migrations") {
            var ids: [String] = []
            for try await id in try await client.query("SELECT id FROM junction_migrations", logger: logger).decode(String.self) {
                ids.append(id)
            }
            return ids.sorted()
        }
    }

    /// Runs `body` in a transaction that also notifies the other instances of `change` (when
    /// `announceIf` holds for the result), then publishes the change locally once it committed.
    func mutate<Result: Sendable>(
        _ what: String, announcing change: StoreChange.Kind?, if announceIf: (Result) -> Bool = { _ in true },
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let payload = change.map { "\(StoreChange(kind: $0, isLocal: true).wireName)|\(instanceID.uuidString)" }
        let logger = self.logger
        let result = try await guarded(what) {
            try await client.withTransaction(logger: logger) { connection in
                let result = try await body(connection)
                if let payload, announceIf(result) {
                    try await connection.query("SELECT pg_notify(\(Self.channel), \(payload))", logger: logger)
                }
                return result
            }
        }
        if let change, announceIf(result) { broadcaster.publish(StoreChange(kind: change, isLocal: true)) }
        return result
    }
}
