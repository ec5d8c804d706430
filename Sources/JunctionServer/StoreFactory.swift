public import JunctionGateway
public import JunctionStore
public import Logging

/// Opens the store a configuration names: PostgreSQL for `database: postgres://…`, else SQLite in the data folder.
public enum StoreFactory {
    /// Runs `body` with the store open (for commands that do one thing and exit).
    public static func withStore<T: Sendable>(_ config: JunctionConfig, logger: Logger, _ body: (any Store) async throws -> T) async throws -> T {
        try await body(try JunctionDatabase(dataDir: config.dataDir))
    }
}
