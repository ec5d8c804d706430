public import Foundation
import GRDB

/// Usage totals for one provider and model over a period.
public struct UsageSummary: Sendable, Hashable, FetchableRecord, Decodable {
    public var provider: String?
    public var upstreamModel: String?
    public var requests: Int
    public var failures: Int
    public var inputTokens: Int
    public var outputTokens: Int
    public var saverTokensBefore: Int
    public var saverTokensAfter: Int
    public var saverBytesBefore: Int
    public var saverBytesAfter: Int
    /// What the period cost at the models' prices, in micro-dollars.
    public var costMicros: Int

    /// Estimated tool-output tokens the saver removed.
    public var saverTokensSaved: Int { saverTokensBefore - saverTokensAfter }
}

extension JunctionDatabase {
    /// Totals by provider and model for requests since `date`, busiest first.
    public func usageSummary(since date: Date) async throws -> [UsageSummary] {
        try await writer.read { db in
            try UsageSummary.fetchAll(
                db,
                sql: """
                    SELECT provider, upstreamModel,
                           COUNT(*) AS requests,
                           SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END) AS failures,
                           COALESCE(SUM(inputTokens), 0) AS inputTokens,
                           COALESCE(SUM(outputTokens), 0) AS outputTokens,
                           COALESCE(SUM(saverTokensBefore), 0) AS saverTokensBefore,
                           COALESCE(SUM(saverTokensAfter), 0) AS saverTokensAfter,
                           COALESCE(SUM(saverBytesBefore), 0) AS saverBytesBefore,
                           COALESCE(SUM(saverBytesAfter), 0) AS saverBytesAfter,
                           COALESCE(SUM(costMicros), 0) AS costMicros
                    FROM usage
                    WHERE createdAt >= ?
                    GROUP BY provider, upstreamModel
                    ORDER BY requests DESC, provider, upstreamModel
                    """,
                arguments: [date])
        }
    }
}
