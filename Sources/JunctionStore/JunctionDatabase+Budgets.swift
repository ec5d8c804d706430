public import Foundation
import GRDB

extension JunctionDatabase {
    public func accountUsage(provider: String, account: Int, since date: Date) async throws -> (requests: Int, tokens: Int) {
        try await writer.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS requests, COALESCE(SUM(COALESCE(inputTokens, 0) + COALESCE(outputTokens, 0)), 0) AS tokens
                    FROM usage WHERE provider = ? AND account = ? AND createdAt >= ? AND status < 500
                    """,
                arguments: [provider, account, date])
            return (row?["requests"] ?? 0, row?["tokens"] ?? 0)
        }
    }

    public func keyUsage(clientKey: String, since date: Date) async throws -> KeyUsage {
        try await writer.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS requests, COALESCE(SUM(COALESCE(inputTokens, 0) + COALESCE(outputTokens, 0)), 0) AS tokens,
                           COALESCE(SUM(costMicros), 0) AS cost
                    FROM usage WHERE clientKey = ? AND createdAt >= ? AND (errorClass IS NULL OR errorClass != 'key_limit')
                    """,
                arguments: [clientKey, date])
            return KeyUsage(requests: row?["requests"] ?? 0, tokens: row?["tokens"] ?? 0, costMicros: row?["cost"] ?? 0)
        }
    }
}
