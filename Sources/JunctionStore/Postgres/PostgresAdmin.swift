import Foundation
import Logging
import PostgresNIO

/// One-off administrative statements on a server, outside any store: making and dropping a
/// database (each store test gets its own) and running a statement on one connection.
enum PostgresAdmin {
    /// Runs each of `statements` on a new connection to `url`'s database, then closes it.
    static func execute(url: String, _ statements: [String], logger: Logger) async throws {
        let parsed = try PostgresURL(url)
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try parsed.connectionConfiguration(), id: 0, logger: logger)
            do {
                for statement in statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            } catch {
                try? await connection.close()
                throw error
            }
            try? await connection.close()
        } catch {
            throw StoreError(message: "PostgreSQL: cannot run an administrative statement on \(parsed.label): \(PostgresStore.safeReason(error))")
        }
    }

    /// Creates a database named `junction_<prefix>_<random>` on the server of `adminURL`, and returns
    /// the URL of the new database.
    static func createDatabase(adminURL: String, prefix: String, logger: Logger) async throws -> (url: String, name: String) {
        let name = "junction_\(prefix)_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        try await execute(url: adminURL, ["CREATE DATABASE \(name)"], logger: logger)
        guard var components = URLComponents(string: adminURL) else { throw StoreError(message: "invalid PostgreSQL URL") }
        components.path = "/\(name)"
        guard let url = components.string else { throw StoreError(message: "invalid PostgreSQL URL") }
        return (url, name)
    }

    /// Drops the database `name` made by ``createDatabase(adminURL:prefix:logger:)``, closing its connections.
    static func dropDatabase(adminURL: String, name: String, logger: Logger) async throws {
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw StoreError(message: "refusing to drop a database with an unusual name")
        }
        try await execute(url: adminURL, ["DROP DATABASE IF EXISTS \(name) WITH (FORCE)"], logger: logger)
    }
}
