import Foundation
import JunctionStore
import Testing

/// The ledger half of the `Store` contract, run against every backend.
@Suite("Store conformance: ledger")
struct StoreLedgerConformanceTests {
    @Test(arguments: StoreBackend.enabled)
    func everyUsageFieldRoundTrips(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let full = UsageRecord(
                createdAt: at(10), clientKey: "alice", endpoint: "anthropic", requestedModel: "fast", provider: "ant",
                upstreamModel: "claude-x", attempts: 2, status: 200, stream: true, latencyMs: 1234, firstByteMs: 456,
                inputTokens: 1000, outputTokens: 200, cachedInputTokens: 300, reasoningTokens: 50,
                route: "oai/gpt-4o:429,ant/claude-x:200", error: "none", saverBytesBefore: 9000, saverBytesAfter: 3000,
                saverTokensBefore: 2200, saverTokensAfter: 700, account: 3, combo: "fast", tier: "primary",
                cacheWriteTokens: 40, costMicros: 98_765, requestId: "req_123", errorClass: "rate_limited",
                cacheWrite1hTokens: 10, saverFilters: "git-diff=1200,ls=300")
            let sparse = UsageRecord(
                createdAt: at(20), clientKey: nil, endpoint: "openai", requestedModel: "x", provider: nil, upstreamModel: nil,
                attempts: 0, status: 503, stream: false, latencyMs: 5, firstByteMs: nil)
            try await store.insert([full, sparse])
            try await store.insert([])
            let rows = try await store.usageRecords(since: at(0))
            #expect(rows.map(\.withoutID) == [full, sparse])
            #expect(rows.map(\.id) == [1, 2])
            #expect(try await store.usageRecords(since: at(15)).map(\.withoutID) == [sparse])
            #expect(try await store.usageRecords(since: at(21)).isEmpty)
            #expect(try await store.requestLog(RequestLogQuery(requestID: "req_123")).map(\.withoutID) == [full])
            #expect(try await store.requestLog(RequestLogQuery(requestID: "req_none")).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.enabled)
    func aLargeBatchInsertsEveryRecordInOrder(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let records = (0..<1_234).map { record(TimeInterval($0), key: "k\($0 % 7)", input: $0) }
            try await store.insert(records)
            let rows = try await store.usageRecords(since: at(0))
            #expect(rows.count == records.count)
            #expect(rows.map(\.withoutID) == records)
            #expect(rows.compactMap(\.id) == Array(1...Int64(records.count)))
        }
    }

    @Test(arguments: StoreBackend.enabled)
    func requestLogFiltersAndPages(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.insert([
                record(1, key: "alice", model: "oai/gpt-4o", status: 200),                                 // id 1
                record(2, key: "bob", model: "fast", upstream: "gpt-4o-mini", status: 429, combo: "fast"),  // id 2
                record(3, key: "alice", model: "gpt-4o-mini", provider: "backup", status: 200),             // id 3
                record(4, key: "bob", model: "oai/gpt-4o", status: 503),                                    // id 4
                record(5, key: "alice", model: "oai/gpt-4o", status: 200),                                  // id 5
            ])
            func ids(_ query: RequestLogQuery) async throws -> [Int64?] { try await store.requestLog(query).map(\.id) }
            #expect(try await ids(RequestLogQuery()) == [5, 4, 3, 2, 1])
            #expect(try await ids(RequestLogQuery(limit: 2)) == [5, 4])
            #expect(try await ids(RequestLogQuery(beforeID: 4, limit: 2)) == [3, 2])
            #expect(try await ids(RequestLogQuery(afterID: 3)) == [5, 4])
            #expect(try await ids(RequestLogQuery(beforeID: 5, afterID: 2)) == [4, 3])
            #expect(try await ids(RequestLogQuery(limit: 0)) == [5]) // clamped to 1
            #expect(try await ids(RequestLogQuery(limit: 5_000)).count == 5)
            #expect(try await ids(RequestLogQuery(outcome: .success)) == [5, 3, 1])
            #expect(try await ids(RequestLogQuery(outcome: .failure)) == [4, 2])
            #expect(try await ids(RequestLogQuery(clientKey: "bob")) == [4, 2])
            #expect(try await ids(RequestLogQuery(provider: "backup")) == [3])
            // The model filter matches the requested model or the upstream one.
            #expect(try await ids(RequestLogQuery(model: "gpt-4o-mini")) == [3, 2])
            #expect(try await ids(RequestLogQuery(model: "fast")) == [2])
            #expect(try await ids(RequestLogQuery(combo: "fast")) == [2])
            #expect(try await ids(RequestLogQuery(since: at(2), until: at(4))) == [3, 2])
            #expect(try await ids(RequestLogQuery(clientKey: "alice", outcome: .success, limit: 1)) == [5])
            #expect(try await store.requestLog(RequestLogQuery(limit: 1)).first?.withoutID == record(5, key: "alice", model: "oai/gpt-4o"))
        }
    }

    @Test(arguments: StoreBackend.enabled)
    func usageSummaryTotalsByProviderAndModel(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            var saved = record(3, input: 10, output: 5, cost: 7)
            saved.saverTokensBefore = 900
            saved.saverTokensAfter = 300
            saved.saverBytesBefore = 4000
            saved.saverBytesAfter = 1000
            try await store.insert([
                record(0, input: 999, output: 999), // before the window
                record(1, input: 100, output: 20, cost: 1_000),
                record(2, status: 500, input: nil, output: nil, cost: nil),
                saved,
                record(4, provider: "backup", upstream: "gpt-4o-mini", input: 1, output: 2, cost: 3),
                record(5, provider: nil, upstream: nil, status: 400, input: nil, output: nil, cost: nil),
            ])
            let summary = try await store.usageSummary(since: at(1))
            #expect(summary.count == 3)
            let oai = try #require(summary.first)
            #expect(oai.provider == "oai" && oai.upstreamModel == "gpt-4o")
            #expect(oai.requests == 3 && oai.failures == 1)
            #expect(oai.inputTokens == 110 && oai.outputTokens == 25 && oai.costMicros == 1_007)
            #expect(oai.saverTokensBefore == 900 && oai.saverTokensAfter == 300 && oai.saverTokensSaved == 600)
            #expect(oai.saverBytesBefore == 4000 && oai.saverBytesAfter == 1000)
            // Ties on requests: provider order, a missing provider first (as SQLite sorts NULL).
            #expect(summary.dropFirst().map(\.provider) == [nil, "backup"])
            #expect(summary[1].failures == 1 && summary[1].inputTokens == 0 && summary[1].costMicros == 0)
            #expect(try await store.usageSummary(since: at(100)).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.enabled)
    func accountUsageCountsRequestsAndTokensWithoutServerFailures(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.insert([
                record(0, account: 0, input: 1_000, output: 1_000), // before the window
                record(1, account: 0, input: 100, output: 20),
                record(2, account: 0, status: 429, input: 7, output: nil),
                record(3, account: 0, status: 500, input: 50, output: 50), // excluded
                record(4, account: 1, input: 5, output: 5),
                record(5, provider: "backup", account: 0, input: 5, output: 5),
            ])
            let usage = try await store.accountUsage(provider: "oai", account: 0, since: at(1))
            #expect(usage.requests == 2 && usage.tokens == 127)
            let none = try await store.accountUsage(provider: "nobody", account: 0, since: at(0))
            #expect(none.requests == 0 && none.tokens == 0)
        }
    }

    @Test(arguments: StoreBackend.enabled)
    func keyUsageSumsRequestsTokensAndCost(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.insert([
                record(0, key: "alice", input: 1, output: 1, cost: 1), // before the window
                record(1, key: "alice", input: 100, output: 20, cost: 1_000),
                record(2, key: "alice", status: 500, input: 10, output: nil, cost: nil),
                record(3, key: "bob", input: 9, output: 9, cost: 9),
            ])
            var refused = record(4, key: "alice", status: 429, input: nil, output: nil, cost: nil)
            refused.errorClass = "key_limit"  // refused by the key's own limits: not spending
            try await store.insert([refused])
            #expect(try await store.keyUsage(clientKey: "alice", since: at(1)) == KeyUsage(requests: 2, tokens: 130, costMicros: 1_000))
            #expect(try await store.keyUsage(clientKey: "carol", since: at(0)) == KeyUsage())
        }
    }

    @Test(arguments: StoreBackend.enabled)
    func usageFactsCoverTheWindowAndComputeSavings(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            var saved = record(2, key: nil, combo: "fast")
            saved.saverTokensBefore = 500
            saved.saverTokensAfter = 120
            saved.cachedInputTokens = 40
            var grew = record(3, status: 429, input: nil, output: nil, cost: nil)
            grew.saverTokensBefore = 10
            grew.saverTokensAfter = 30 // never negative
            try await store.insert([record(0), record(1), saved, grew, record(4)])
            let facts = try await store.usageFacts(since: at(1), until: at(4))
            #expect(facts.map(\.createdAt) == [at(1), at(2), at(3)])
            #expect(facts[1] == UsageFact(
                createdAt: at(2), clientKey: nil, provider: "oai", model: "gpt-4o", combo: "fast", status: 200, latencyMs: 300,
                inputTokens: 100, outputTokens: 20, cachedInputTokens: 40, costMicros: 1_000, saverTokensSaved: 380))
            #expect(facts[2].saverTokensSaved == 0)
            #expect(facts[2].inputTokens == 0 && facts[2].outputTokens == 0 && facts[2].costMicros == 0)
            #expect(facts[0].saverTokensSaved == 0)
            #expect(try await store.usageFacts(since: at(3), until: nil).count == 2)
        }
    }
}
