import Foundation
import JunctionProviders
import JunctionSaver
import JunctionStore
import JunctionWire

extension Administration {
    /// The request log, newest first, with the next page's cursor.
    public func requests(_ query: RequestLogQuery) async throws(AdminError) -> JSONValue {
        var query = query
        query.limit = max(1, min(query.limit, 500))
        let rows = try await storing { [query] in try await store.requestLog(query) }
        let next: JSONValue = rows.count == query.limit ? (rows.last?.id).map { .int(Int($0)) } ?? .null : .null
        return ["requests": .array(rows.map(AdminViews.record)), "next_before": next]
    }

    /// One request by its id.
    public func request(id: String) async throws(AdminError) -> JSONValue {
        let rows = try await storing { try await store.requestLog(RequestLogQuery(requestID: id, limit: 1)) }
        guard let row = rows.first else { throw .notFound("No request '\(id)'.") }
        return AdminViews.record(row)
    }

    /// Ledger rows written after `seq` that match `query`, oldest first (for following the log live).
    public func requests(after seq: Int64, matching query: RequestLogQuery) async throws -> [(seq: Int64, json: JSONValue)] {
        var query = query
        query.afterID = seq
        query.beforeID = nil
        query.limit = 200
        return try await store.requestLog(query).reversed().map { ($0.id ?? seq, AdminViews.record($0)) }
    }

    /// The newest ledger row's number, where a live log starts.
    public func latestRequestSeq() async throws -> Int64 {
        try await store.requestLog(RequestLogQuery(limit: 1)).first?.id ?? 0
    }

    /// Savings by filter since `since`.
    public func saverSummary(since: Date) async throws(AdminError) -> JSONValue {
        let rows = try await storing { try await store.usageRecords(since: since) }
        var byFilter: [String: (tokens: Int, requests: Int)] = [:]
        var before = 0
        var after = 0
        var savedMicros = 0.0
        let config = gateway.config
        for row in rows {
            before += row.saverTokensBefore ?? 0
            after += row.saverTokensAfter ?? 0
            let saved = max(0, (row.saverTokensBefore ?? 0) - (row.saverTokensAfter ?? 0))
            if saved > 0, let provider = row.provider, let model = row.upstreamModel {
                let configured = config.provider(id: provider)
                let prices = configured?.prices[model] ?? ProviderCatalog.profile(provider: configured?.kind, model: model)?.prices
                savedMicros += Double(saved) * (prices?.input ?? 0)
            }
            for part in (row.saverFilters ?? "").split(separator: ",") {
                let pieces = part.split(separator: "=", maxSplits: 1)
                guard pieces.count == 2, let tokens = Int(pieces[1]) else { continue }
                byFilter[String(pieces[0]), default: (0, 0)].tokens += tokens
                byFilter[String(pieces[0]), default: (0, 0)].requests += 1
            }
        }
        let filters: [JSONValue] = byFilter.sorted { $0.value.tokens > $1.value.tokens }.map {
            ["filter": .string($0.key), "tokens_saved": .int($0.value.tokens), "requests": .int($0.value.requests)]
        }
        return [
            "tokens_before": .int(before), "tokens_after": .int(after), "saved_usd": .double(savedMicros / 1e6),
            "by_filter": .array(filters),
        ]
    }

    /// Compresses a sample and shows it before and after.
    public func saverPreview(_ body: JSONValue) throws(AdminError) -> JSONValue {
        guard let text = body["text"]?.stringValue else { throw .invalid("Send {\"text\": \"...\"}.") }
        guard text.utf8.count <= 4 << 20 else { throw .invalid("The sample is larger than 4 MiB.") }
        let level = body["level"]?.stringValue.flatMap(SaverLevel.init(rawValue:)) ?? .safe
        let command = body["command"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let result = Saver(level: level == .off ? .safe : level).compress(
            text, context: ToolContext(toolName: command == nil ? nil : "bash", command: command))
        return [
            "before": .string(text), "after": .string(result.text), "tokens_before": .int(result.tokensBefore),
            "tokens_after": .int(result.tokensAfter), "filter": .string(result.filter),
        ]
    }
}
