public import Foundation
import GRDB

extension JunctionDatabase {
    /// Requests and tokens (input plus output) one provider account spent since `date`.
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
}
