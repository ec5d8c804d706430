import Foundation
import PostgresNIO

extension UsageRecord {
    /// Every column but `id`, in the order of ``insertQuery(_:)``'s parameters for each row.
    static let postgresColumns = [
        "requestId", "createdAt", "clientKey", "endpoint", "requestedModel", "provider", "upstreamModel", "account", "combo",
        "tier", "cacheWriteTokens", "costMicros", "attempts", "status", "stream", "latencyMs", "firstByteMs", "inputTokens",
        "outputTokens", "cachedInputTokens", "reasoningTokens", "route", "error", "errorClass", "cacheWrite1hTokens",
        "saverBytesBefore", "saverBytesAfter", "saverTokensBefore", "saverTokensAfter", "saverFilters",
    ]

    /// `id` and every other column, for `SELECT`.
    static let selectList = (["id"] + postgresColumns).joined(separator: ", ")

    /// Rows per `INSERT`: well under PostgreSQL's limit of 65,535 parameters per statement.
    static let insertBatch = 500

    /// One `INSERT` of up to ``insertBatch`` records (their ids are left to the sequence).
    static func insertQuery(_ records: some Collection<UsageRecord>) -> PostgresQuery {
        var binds = PostgresBindings(capacity: postgresColumns.count * records.count)
        var rows: [String] = []
        rows.reserveCapacity(records.count)
        for record in records {
            let first = binds.count + 1
            record.appendPostgresBinds(to: &binds)
            rows.append("(" + (first...binds.count).map { "$\($0)" }.joined(separator: ", ") + ")")
        }
        return PostgresQuery(
            unsafeSQL: "INSERT INTO usage (\(postgresColumns.joined(separator: ", "))) VALUES \(rows.joined(separator: ", "))",
            binds: binds)
    }

    /// Appends the record's values in the order of ``postgresColumns``.
    private func appendPostgresBinds(to binds: inout PostgresBindings) {
        binds.append(requestId)
        binds.append(createdAt)
        binds.append(clientKey)
        binds.append(endpoint)
        binds.append(requestedModel)
        binds.append(provider)
        binds.append(upstreamModel)
        binds.append(account)
        binds.append(combo)
        binds.append(tier)
        binds.append(cacheWriteTokens)
        binds.append(costMicros)
        binds.append(attempts)
        binds.append(status)
        binds.append(stream)
        binds.append(latencyMs)
        binds.append(firstByteMs)
        binds.append(inputTokens)
        binds.append(outputTokens)
        binds.append(cachedInputTokens)
        binds.append(reasoningTokens)
        binds.append(route)
        binds.append(error)
        binds.append(errorClass)
        binds.append(cacheWrite1hTokens)
        binds.append(saverBytesBefore)
        binds.append(saverBytesAfter)
        binds.append(saverTokensBefore)
        binds.append(saverTokensAfter)
        binds.append(saverFilters)
    }

    /// Decodes a row selected with ``selectList``.
    init(postgres row: PostgresRow) throws {
        let row = row.makeRandomAccess()
        self.init(
            createdAt: try row.column("createdAt"), clientKey: try row.column("clientKey"), endpoint: try row.column("endpoint"),
            requestedModel: try row.column("requestedModel"), provider: try row.column("provider"),
            upstreamModel: try row.column("upstreamModel"), attempts: try row.column("attempts"), status: try row.column("status"),
            stream: try row.column("stream"), latencyMs: try row.column("latencyMs"), firstByteMs: try row.column("firstByteMs"),
            inputTokens: try row.column("inputTokens"), outputTokens: try row.column("outputTokens"),
            cachedInputTokens: try row.column("cachedInputTokens"), reasoningTokens: try row.column("reasoningTokens"),
            route: try row.column("route"), error: try row.column("error"), saverBytesBefore: try row.column("saverBytesBefore"),
            saverBytesAfter: try row.column("saverBytesAfter"), saverTokensBefore: try row.column("saverTokensBefore"),
            saverTokensAfter: try row.column("saverTokensAfter"), account: try row.column("account"), combo: try row.column("combo"),
            tier: try row.column("tier"), cacheWriteTokens: try row.column("cacheWriteTokens"), costMicros: try row.column("costMicros"),
            requestId: try row.column("requestId"), errorClass: try row.column("errorClass"),
            cacheWrite1hTokens: try row.column("cacheWrite1hTokens"), saverFilters: try row.column("saverFilters"))
        self.id = try row.column("id", as: Int64.self)
    }
}
