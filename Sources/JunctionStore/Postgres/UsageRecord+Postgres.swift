import Foundation
import PostgresNIO

extension UsageRecord {
    /// Every column but `id`, in the order of ``insertQuery(_:)``'s parameters.
    static let postgresColumns = [
        "requestId", "createdAt", "clientKey", "endpoint", "requestedModel", "provider", "upstreamModel", "account", "combo",
        "tier", "cacheWriteTokens", "costMicros", "attempts", "status", "stream", "latencyMs", "firstByteMs", "inputTokens",
        "outputTokens", "cachedInputTokens", "reasoningTokens", "route", "error", "errorClass", "cacheWrite1hTokens",
        "saverBytesBefore", "saverBytesAfter", "saverTokensBefore", "saverTokensAfter", "saverFilters",
    ]

    /// `id` and every other column, for `SELECT`.
    static let selectList = (["id"] + postgresColumns).joined(separator: ", ")

    /// An `INSERT` of one record (its `id` is left to the sequence).
    static func insertQuery(_ record: UsageRecord) -> PostgresQuery {
        var binds = PostgresBindings(capacity: postgresColumns.count)
        binds.append(record.requestId)
        binds.append(record.createdAt)
        binds.append(record.clientKey)
        binds.append(record.endpoint)
        binds.append(record.requestedModel)
        binds.append(record.provider)
        binds.append(record.upstreamModel)
        binds.append(record.account)
        binds.append(record.combo)
        binds.append(record.tier)
        binds.append(record.cacheWriteTokens)
        binds.append(record.costMicros)
        binds.append(record.attempts)
        binds.append(record.status)
        binds.append(record.stream)
        binds.append(record.latencyMs)
        binds.append(record.firstByteMs)
        binds.append(record.inputTokens)
        binds.append(record.outputTokens)
        binds.append(record.cachedInputTokens)
        binds.append(record.reasoningTokens)
        binds.append(record.route)
        binds.append(record.error)
        binds.append(record.errorClass)
        binds.append(record.cacheWrite1hTokens)
        binds.append(record.saverBytesBefore)
        binds.append(record.saverBytesAfter)
        binds.append(record.saverTokensBefore)
        binds.append(record.saverTokensAfter)
        binds.append(record.saverFilters)
        let placeholders = (1...postgresColumns.count).map { "$\($0)" }.joined(separator: ", ")
        return PostgresQuery(
            unsafeSQL: "INSERT INTO usage (\(postgresColumns.joined(separator: ", "))) VALUES (\(placeholders))", binds: binds)
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
