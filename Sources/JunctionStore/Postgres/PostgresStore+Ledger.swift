public import Foundation
import PostgresNIO

extension PostgresStore {
    /// Inserts records in one transaction, up to ``UsageRecord/insertBatch`` rows per statement.
    public func insert(_ records: [UsageRecord]) async throws {
        guard !records.isEmpty else { return }
        try await mutate("record usage", announcing: nil) { connection in
            var start = records.startIndex
            while start < records.endIndex {
                let end = min(start + UsageRecord.insertBatch, records.endIndex)
                try await connection.query(UsageRecord.insertQuery(records[start..<end]), logger: logger)
                start = end
            }
        }
    }

    public func usageRecords(since: Date) async throws -> [UsageRecord] {
        try await guarded("read usage") {
            try await client.query(
                PostgresQuery(unsafeSQL: "SELECT \(UsageRecord.selectList) FROM usage WHERE createdAt >= $1 ORDER BY id", binds: binds(since)),
                logger: logger
            ).collect().map(UsageRecord.init(postgres:))
        }
    }

    public func usageFacts(since: Date, until: Date?) async throws -> [UsageFact] {
        var query = PostgresSQLBuilder(
            """
            SELECT createdAt, clientKey, provider, upstreamModel, combo, status, latencyMs, inputTokens, outputTokens,
                   cachedInputTokens, costMicros, saverTokensBefore, saverTokensAfter
            FROM usage WHERE createdAt >=
            """)
        query.bind(since)
        if let until { query.append(" AND createdAt <"); query.bind(until) }
        query.append(" ORDER BY createdAt, id")
        let built = query.query
        return try await guarded("read usage") {
            try await client.query(built, logger: logger).collect().map { row in
                let row = row.makeRandomAccess()
                let before: Int? = try row.column("saverTokensBefore")
                let after: Int? = try row.column("saverTokensAfter")
                return UsageFact(
                    createdAt: try row.column("createdAt"), clientKey: try row.column("clientKey"), provider: try row.column("provider"),
                    model: try row.column("upstreamModel"), combo: try row.column("combo"), status: try row.column("status"),
                    latencyMs: try row.column("latencyMs"), inputTokens: try row.column("inputTokens") ?? 0,
                    outputTokens: try row.column("outputTokens") ?? 0, cachedInputTokens: try row.column("cachedInputTokens") ?? 0,
                    costMicros: try row.column("costMicros") ?? 0, saverTokensSaved: max(0, (before ?? 0) - (after ?? 0)))
            }
        }
    }

    public func requestLog(_ query: RequestLogQuery) async throws -> [UsageRecord] {
        var sql = PostgresSQLBuilder("SELECT \(UsageRecord.selectList) FROM usage WHERE TRUE")
        if let since = query.since { sql.append(" AND createdAt >="); sql.bind(since) }
        if let until = query.until { sql.append(" AND createdAt <"); sql.bind(until) }
        if let key = query.clientKey { sql.append(" AND clientKey ="); sql.bind(key) }
        if let provider = query.provider { sql.append(" AND provider ="); sql.bind(provider) }
        if let model = query.model {
            sql.append(" AND (requestedModel ="); sql.bind(model)
            sql.append(" OR upstreamModel ="); sql.bind(model); sql.append(")")
        }
        if let combo = query.combo { sql.append(" AND combo ="); sql.bind(combo) }
        if let requestID = query.requestID { sql.append(" AND requestId ="); sql.bind(requestID) }
        switch query.outcome {
        case .success: sql.append(" AND status < 400")
        case .failure: sql.append(" AND status >= 400")
        case nil: break
        }
        if let before = query.beforeID { sql.append(" AND id <"); sql.bind(before) }
        if let after = query.afterID { sql.append(" AND id >"); sql.bind(after) }
        sql.append(" ORDER BY id DESC LIMIT"); sql.bind(max(1, min(query.limit, 1000)))
        let built = sql.query
        return try await guarded("read the request log") {
            try await client.query(built, logger: logger).collect().map(UsageRecord.init(postgres:))
        }
    }

    public func usageSummary(since date: Date) async throws -> [UsageSummary] {
        try await guarded("summarise usage") {
            try await client.query(
                PostgresQuery(unsafeSQL: """
                    SELECT provider, upstreamModel,
                           COUNT(*) AS requests,
                           COUNT(*) FILTER (WHERE status >= 400) AS failures,
                           COALESCE(SUM(inputTokens), 0)::BIGINT AS inputTokens,
                           COALESCE(SUM(outputTokens), 0)::BIGINT AS outputTokens,
                           COALESCE(SUM(saverTokensBefore), 0)::BIGINT AS saverTokensBefore,
                           COALESCE(SUM(saverTokensAfter), 0)::BIGINT AS saverTokensAfter,
                           COALESCE(SUM(saverBytesBefore), 0)::BIGINT AS saverBytesBefore,
                           COALESCE(SUM(saverBytesAfter), 0)::BIGINT AS saverBytesAfter,
                           COALESCE(SUM(costMicros), 0)::BIGINT AS costMicros
                    FROM usage
                    WHERE createdAt >= $1
                    GROUP BY provider, upstreamModel
                    ORDER BY requests DESC, provider COLLATE "C" NULLS FIRST, upstreamModel COLLATE "C" NULLS FIRST
                    """, binds: binds(date)),
                logger: logger
            ).collect().map { row in
                let row = row.makeRandomAccess()
                return UsageSummary(
                    provider: try row.column("provider"), upstreamModel: try row.column("upstreamModel"),
                    requests: try row.column("requests"), failures: try row.column("failures"),
                    inputTokens: try row.column("inputTokens"), outputTokens: try row.column("outputTokens"),
                    saverTokensBefore: try row.column("saverTokensBefore"), saverTokensAfter: try row.column("saverTokensAfter"),
                    saverBytesBefore: try row.column("saverBytesBefore"), saverBytesAfter: try row.column("saverBytesAfter"),
                    costMicros: try row.column("costMicros"))
            }
        }
    }

    public func accountUsage(provider: String, account: Int, since date: Date) async throws -> (requests: Int, tokens: Int) {
        let totals = try await guarded("read account usage") {
            try await client.query(
                """
                SELECT COUNT(*) AS requests,
                       COALESCE(SUM(COALESCE(inputTokens, 0) + COALESCE(outputTokens, 0)), 0)::BIGINT AS tokens
                FROM usage WHERE provider = \(provider) AND account = \(account) AND createdAt >= \(date) AND status < 500
                """,
                logger: logger
            ).collect().first.map { row in
                let row = row.makeRandomAccess()
                return Totals(requests: try row.column("requests"), tokens: try row.column("tokens"), costMicros: 0)
            } ?? Totals(requests: 0, tokens: 0, costMicros: 0)
        }
        return (totals.requests, totals.tokens)
    }

    public func keyUsage(clientKey: String, since date: Date) async throws -> KeyUsage {
        try await guarded("read key usage") {
            try await client.query(
                """
                SELECT COUNT(*) AS requests,
                       COALESCE(SUM(COALESCE(inputTokens, 0) + COALESCE(outputTokens, 0)), 0)::BIGINT AS tokens,
                       COALESCE(SUM(costMicros), 0)::BIGINT AS cost
                FROM usage WHERE clientKey = \(clientKey) AND createdAt >= \(date) AND errorClass IS DISTINCT FROM 'key_limit'
                """,
                logger: logger
            ).collect().first.map { row in
                let row = row.makeRandomAccess()
                return KeyUsage(requests: try row.column("requests"), tokens: try row.column("tokens"), costMicros: try row.column("cost"))
            } ?? KeyUsage()
        }
    }

    private struct Totals: Sendable {
        var requests: Int
        var tokens: Int
        var costMicros: Int
    }

    private func binds(_ date: Date) -> PostgresBindings {
        var binds = PostgresBindings(capacity: 1)
        binds.append(date)
        return binds
    }
}
