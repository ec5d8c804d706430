public import Foundation
import GRDB

extension JunctionDatabase {
    /// Saves the routing engine's health state (cooldowns, breakers, quota windows), encoded by the
    /// caller, so that a restart keeps honouring the resets it learned.
    public func saveRoutingHealth(_ state: Data) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO routingHealth (id, state, updatedAt) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state, updatedAt = excluded.updatedAt",
                arguments: [state, Date()])
        }
        announce(.health)
    }

    /// The last saved health state, if any.
    public func loadRoutingHealth() async throws -> Data? {
        try await writer.read { db in try Data.fetchOne(db, sql: "SELECT state FROM routingHealth WHERE id = 1") }
    }
}
