public import Foundation
import GRDB

/// The embedded SQLite database in the data folder, migrated on open: the default ``Store``.
///
/// The folder is created with 0700 permissions and the database file with 0600 before SQLite
/// opens it; SQLite gives its WAL and shared-memory files the same permissions.
public struct JunctionDatabase: Store {
    /// The file name inside the data folder.
    public static let fileName = "junction.sqlite"

    let writer: DatabasePool
    let broadcaster = ChangeBroadcaster()
    /// The database file's path.
    public let path: String

    /// Opens (creating if needed) and migrates the database in `dataDir`.
    ///
    /// Migration is synchronous: call this at start-up, never inside a request.
    public init(dataDir: String) throws {
        let folder = (dataDir as NSString).expandingTildeInPath
        let files = FileManager.default
        if !files.fileExists(atPath: folder) {
            try files.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        path = (folder as NSString).appendingPathComponent(Self.fileName)
        if !files.fileExists(atPath: path) {
            guard files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError(message: "cannot create \(path)")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        writer = try DatabasePool(path: path, configuration: configuration)
        try StoreMigrations.migrator.migrate(writer)
    }

    public var label: String { "sqlite:\(path)" }

    /// Inserts records in one transaction.
    public func insert(_ records: [UsageRecord]) async throws {
        try await writer.write { db in
            for var record in records { try record.insert(db) }
        }
    }

    /// Every usage row, oldest first.
    public func usageRecords() async throws -> [UsageRecord] {
        try await writer.read { db in try UsageRecord.order(Column("id")).fetchAll(db) }
    }

    public func usageRecords(since: Date) async throws -> [UsageRecord] {
        try await writer.read { db in
            try UsageRecord.filter(Column("createdAt") >= since).order(Column("id")).fetchAll(db)
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try await writer.read { db in try StoreMigrations.migrator.appliedIdentifiers(db) }.sorted()
    }

    public func changes() -> AsyncStream<StoreChange> { broadcaster.subscribe() }

    func announce(_ kind: StoreChange.Kind) {
        broadcaster.publish(StoreChange(kind: kind, isLocal: true))
    }
}

/// A storage failure with a message safe to log.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}
