public import Foundation
import GRDB

extension JunctionDatabase {
    public func usageFacts(since: Date, until: Date?) async throws -> [UsageFact] {
        try await writer.read { db in
            var sql = """
                SELECT createdAt, clientKey, provider, upstreamModel, combo, status, latencyMs, inputTokens, outputTokens,
                       cachedInputTokens, costMicros, saverTokensBefore, saverTokensAfter
                FROM usage WHERE createdAt >= ?
                """
            var arguments: StatementArguments = [since]
            if let until {
                sql += " AND createdAt < ?"
                arguments += [until]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY createdAt", arguments: arguments).map { row in
                let before: Int? = row["saverTokensBefore"]
                let after: Int? = row["saverTokensAfter"]
                return UsageFact(
                    createdAt: row["createdAt"], clientKey: row["clientKey"], provider: row["provider"], model: row["upstreamModel"],
                    combo: row["combo"], status: row["status"], latencyMs: row["latencyMs"], inputTokens: row["inputTokens"] ?? 0,
                    outputTokens: row["outputTokens"] ?? 0, cachedInputTokens: row["cachedInputTokens"] ?? 0,
                    costMicros: row["costMicros"] ?? 0, saverTokensSaved: max(0, (before ?? 0) - (after ?? 0)))
            }
        }
    }

    public func requestLog(_ query: RequestLogQuery) async throws -> [UsageRecord] {
        try await writer.read { db in
            var request = UsageRecord.all()
            if let since = query.since { request = request.filter(Column("createdAt") >= since) }
            if let until = query.until { request = request.filter(Column("createdAt") < until) }
            if let key = query.clientKey { request = request.filter(Column("clientKey") == key) }
            if let provider = query.provider { request = request.filter(Column("provider") == provider) }
            if let model = query.model {
                request = request.filter(Column("requestedModel") == model || Column("upstreamModel") == model)
            }
            if let combo = query.combo { request = request.filter(Column("combo") == combo) }
            if let requestID = query.requestID { request = request.filter(Column("requestId") == requestID) }
            switch query.outcome {
            case .success: request = request.filter(Column("status") < 400)
            case .failure: request = request.filter(Column("status") >= 400)
            case nil: break
            }
            if let before = query.beforeID { request = request.filter(Column("id") < before) }
            if let after = query.afterID { request = request.filter(Column("id") > after) }
            return try request.order(Column("id").desc).limit(max(1, min(query.limit, 1000))).fetchAll(db)
        }
    }
}
