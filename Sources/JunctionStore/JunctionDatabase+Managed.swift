public import Foundation
import GRDB

extension JunctionDatabase {
    public func clientKeys() async throws -> [StoredClientKey] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM clientKeys ORDER BY createdAt, id").map(Self.clientKey)
        }
    }

    public func saveClientKey(_ key: StoredClientKey) async throws {
        let limits = try StoreJSON.encode(key.limits)
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO clientKeys (id, name, hash, prefix, createdAt, revokedAt, limits, saver) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET name = excluded.name, hash = excluded.hash, prefix = excluded.prefix,
                        revokedAt = excluded.revokedAt, limits = excluded.limits, saver = excluded.saver
                    """,
                arguments: [key.id, key.name, key.hash, key.prefix, key.createdAt, key.revokedAt, limits, key.saver])
        }
        announce(.clientKeys)
    }

    private static func clientKey(_ row: Row) throws -> StoredClientKey {
        StoredClientKey(
            id: row["id"], name: row["name"], hash: row["hash"], prefix: row["prefix"], createdAt: row["createdAt"],
            revokedAt: row["revokedAt"], limits: try StoreJSON.decode(KeyLimits.self, from: row["limits"]), saver: row["saver"])
    }

    public func managedItems(kind: ManagedKind) async throws -> [ManagedItem] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM managedItems WHERE kind = ? ORDER BY name", arguments: [kind.rawValue]).map { row in
                ManagedItem(kind: kind, name: row["name"], document: row["document"], updatedAt: row["updatedAt"])
            }
        }
    }

    public func saveManagedItem(_ item: ManagedItem) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO managedItems (kind, name, document, updatedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT(kind, name) DO UPDATE SET document = excluded.document, updatedAt = excluded.updatedAt
                    """,
                arguments: [item.kind.rawValue, item.name, item.document, item.updatedAt])
        }
        if item.kind != .session { announce(.managed(item.kind)) }
    }

    @discardableResult
    public func deleteManagedItem(kind: ManagedKind, name: String) async throws -> Bool {
        let deleted = try await writer.write { db in
            try db.execute(sql: "DELETE FROM managedItems WHERE kind = ? AND name = ?", arguments: [kind.rawValue, name])
            return db.changesCount > 0
        }
        if deleted, kind != .session { announce(.managed(kind)) }
        return deleted
    }
}

/// JSON for the small documents stores keep in text columns.
enum StoreJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
