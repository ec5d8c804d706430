public import Foundation
import PostgresNIO

extension PostgresStore {
    // MARK: Routing health

    public func saveRoutingHealth(_ state: Data) async throws {
        try await mutate("save routing health", announcing: .health) { connection in
            try await connection.query(
                """
                INSERT INTO routingHealth (id, state, updatedAt) VALUES (1, \(state), \(Date()))
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, updatedAt = excluded.updatedAt
                """,
                logger: logger)
        }
    }

    public func loadRoutingHealth() async throws -> Data? {
        try await guarded("load routing health") {
            try await client.query("SELECT state FROM routingHealth WHERE id = 1", logger: logger)
                .collect().first.map { try $0.makeRandomAccess().column("state", as: Data.self) }
        }
    }

    // MARK: Client keys

    public func clientKeys() async throws -> [StoredClientKey] {
        try await guarded("read client keys") {
            try await client.query(
                "SELECT id, name, hash, prefix, createdAt, revokedAt, limits, saver FROM clientKeys ORDER BY createdAt, id COLLATE \"C\"",
                logger: logger
            ).collect().map { row in
                let row = row.makeRandomAccess()
                return StoredClientKey(
                    id: try row.column("id"), name: try row.column("name"), hash: try row.column("hash"),
                    prefix: try row.column("prefix"), createdAt: try row.column("createdAt"), revokedAt: try row.column("revokedAt"),
                    limits: try StoreJSON.decode(KeyLimits.self, from: try row.column("limits")), saver: try row.column("saver"))
            }
        }
    }

    public func saveClientKey(_ key: StoredClientKey) async throws {
        let limits = try StoreJSON.encode(key.limits)
        try await mutate("save a client key", announcing: .clientKeys) { connection in
            try await connection.query(
                """
                INSERT INTO clientKeys (id, name, hash, prefix, createdAt, revokedAt, limits, saver)
                VALUES (\(key.id), \(key.name), \(key.hash), \(key.prefix), \(key.createdAt), \(key.revokedAt), \(limits), \(key.saver))
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, hash = excluded.hash, prefix = excluded.prefix,
                    revokedAt = excluded.revokedAt, limits = excluded.limits, saver = excluded.saver
                """,
                logger: logger)
        }
    }

    // MARK: Managed configuration

    public func managedItems(kind: ManagedKind) async throws -> [ManagedItem] {
        try await guarded("read \(kind.rawValue) items") {
            try await client.query(
                "SELECT name, document, updatedAt FROM managedItems WHERE kind = \(kind.rawValue) ORDER BY name COLLATE \"C\"",
                logger: logger
            ).collect().map { row in
                let row = row.makeRandomAccess()
                return ManagedItem(
                    kind: kind, name: try row.column("name"), document: try row.column("document"),
                    updatedAt: try row.column("updatedAt"))
            }
        }
    }

    public func saveManagedItem(_ item: ManagedItem) async throws {
        let change: StoreChange.Kind? = item.kind == .session ? nil : .managed(item.kind)
        try await mutate("save a \(item.kind.rawValue) item", announcing: change) { connection in
            try await connection.query(
                """
                INSERT INTO managedItems (kind, name, document, updatedAt)
                VALUES (\(item.kind.rawValue), \(item.name), \(item.document), \(item.updatedAt))
                ON CONFLICT (kind, name) DO UPDATE SET document = excluded.document, updatedAt = excluded.updatedAt
                """,
                logger: logger)
        }
    }

    @discardableResult
    public func deleteManagedItem(kind: ManagedKind, name: String) async throws -> Bool {
        let change: StoreChange.Kind? = kind == .session ? nil : .managed(kind)
        return try await mutate("delete a \(kind.rawValue) item", announcing: change, if: { $0 }) { connection in
            let deleted = try await connection.query(
                "DELETE FROM managedItems WHERE kind = \(kind.rawValue) AND name = \(name) RETURNING name", logger: logger
            ).collect()
            return !deleted.isEmpty
        }
    }
}
