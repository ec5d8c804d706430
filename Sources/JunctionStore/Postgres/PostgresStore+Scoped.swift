public import Logging

/// Opens a ``PostgresStore``, runs it for the duration of `body`, and stops it when `body` returns
/// or throws: the store's lifecycle without a `ServiceGroup` (tests, one-off commands).
///
/// `body` starts once the change listener listens (or after 10 s if it cannot), so changes made by
/// other instances from then on reach ``PostgresStore/changes()``.
public func withPostgresStore<Result: Sendable>(
    url: String, logger: Logger, _ body: (PostgresStore) async throws -> Result
) async throws -> Result {
    let store = try await PostgresStore(url: url, logger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await store.run() }
        if !(await store.waitUntilListening(timeout: .seconds(10))) {
            logger.warning("PostgreSQL change listener is not listening yet", metadata: ["store": "\(store.label)"])
        }
        do {
            let result = try await body(store)
            group.cancelAll()
            return result
        } catch {
            group.cancelAll()
            throw error
        }
    }
}
