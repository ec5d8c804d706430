import Foundation
import GRDB

extension JunctionDatabase {
    /// Announces configuration changes made by another process on the same file (`junction keys
    /// revoke` while the server runs), by comparing a fingerprint of the keys and managed items every
    /// `interval`, until the task is cancelled. SQLite has no cross-process notifications; PostgreSQL
    /// uses LISTEN/NOTIFY instead.
    public func watchOtherProcesses(every interval: Duration = .seconds(1)) async {
        // The first look always announces: whatever changed between the caller's own load and this
        // watch starting would otherwise go unnoticed.
        var last: Fingerprint?
        var first = true
        while !Task.isCancelled {
            if !first { try? await Task.sleep(for: interval) }
            first = false
            guard let current = try? await fingerprint(), current != last else { continue }
            if last?.keys != current.keys { broadcaster.publish(StoreChange(kind: .clientKeys, isLocal: false)) }
            if last?.items != current.items { broadcaster.publish(StoreChange(kind: .managed(.provider), isLocal: false)) }
            last = current
        }
    }

    private struct Fingerprint: Equatable {
        var keys: String
        var items: String
    }

    private func fingerprint() async throws -> Fingerprint {
        try await writer.read { db in
            let keys = try String.fetchOne(
                db, sql: "SELECT COUNT(*) || ':' || COALESCE(group_concat(id || '/' || COALESCE(revokedAt, '') || '/' || limits || '/' || COALESCE(saver, ''), ','), '') FROM clientKeys")
            let items = try String.fetchOne(
                db, sql: "SELECT COUNT(*) || ':' || COALESCE(MAX(updatedAt), '') FROM managedItems WHERE kind IN ('provider', 'combo', 'setting')")
            return Fingerprint(keys: keys ?? "", items: items ?? "")
        }
    }
}
