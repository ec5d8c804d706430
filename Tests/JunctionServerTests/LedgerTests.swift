import JunctionGateway
import NIOCore
import NIOHTTP1
import JunctionServer
import Foundation
import JunctionMock
import JunctionStore
import JunctionWire
import Testing

@Suite("Usage ledger")
struct LedgerTests {
    @Test func everyRequestWritesExactlyOneRowWhateverItsOutcome() async throws {
        let primary = MockProvider(name: "primary")
        primary.enqueue(nil, MockFault(status: 429, retryAfter: 60))
        let backup = MockProvider(name: "backup")
        backup.enqueue(nil, nil, MockFault(status: 400))
        let harness = try await Harness.start(primary, backup, combo: ["p1/gpt-4o", "p2/gpt-4o-mini"])
        defer { Task { await harness.stop() } }
        _ = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))  // ok
        _ = try await harness.stream(Harness.chat(model: "combo", stream: true))  // 429 → backup
        _ = try await harness.stream(Harness.chat(model: "combo", stream: true))  // primary rests: backup, streamed
        _ = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))  // backup's 400
        _ = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "unknown"))  // 404
        _ = try await harness.request("/v1/chat/completions", body: "{")  // 400
        let records = try await harness.usageRecords()
        #expect(records.count == 6)
        #expect(records.map(\.status) == [200, 200, 200, 400, 404, 400])
        #expect(records.map(\.stream) == [false, true, true, false, false, false])
        #expect(records.map(\.attempts) == [1, 2, 1, 1, 0, 0])
        #expect(records.map(\.provider) == ["p1", "p2", "p2", "p2", nil, nil])
        #expect(records[1].upstreamModel == "gpt-4o-mini")
        #expect(records[1].route == "p1/gpt-4o:429,p2/gpt-4o-mini:200")
        #expect(records[4].requestedModel == "unknown")
        for record in records.prefix(3) {
            #expect(record.inputTokens == 9)
            #expect(record.outputTokens == 13)
            #expect(record.firstByteMs != nil)
            #expect(record.latencyMs >= (record.firstByteMs ?? 0))
        }
    }

    @Test func theDatabaseIsPrivateAndMigrated() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let database = try #require(harness.runtime.store as? JunctionDatabase)
        let attributes = try FileManager.default.attributesOfItem(atPath: database.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try await database.appliedMigrations() == ["v1.usage", "v2.saver", "v3.routingHealth", "v4.accountUsageIndex", "v5.cost", "v6.adminAndKeys"])
    }
}

@Suite("Cost in the ledger")
struct CostTests {
    @Test func theSameExchangeCostsTheSameStreamedOrNotAtTheCatalogsPrices() async throws {
        let harness = try await Harness.start(MockProvider(), combo: ["p1/gpt-4o"])
        defer { Task { await harness.stop() } }
        _ = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        _ = try await harness.stream(Harness.chat(model: "combo", stream: true))
        let records = try await harness.usageRecords()
        #expect(records.count == 2)
        // gpt-4o: $2.50 in, $10 out per million; 9 input and 13 output tokens → 152.5 µ$.
        #expect(records.map(\.costMicros) == [153, 153])
        #expect(records.map(\.combo) == ["combo", "combo"])
        #expect(records.allSatisfy { $0.inputTokens == 9 && $0.outputTokens == 13 })
    }

    @Test func cachedReadsAreBilledAtTheCachedPrice() {
        let prices = ModelPrices(input: 3, output: 15, cachedInput: 0.3)
        let usage = TokenUsage(inputTokens: 1_000, outputTokens: 100, cachedInputTokens: 800, cacheWriteTokens: 100)
        // 100 uncached × 3 + 800 cached × 0.3 + 100 written × 3 + 100 out × 15
        #expect(usage.costMicros(at: prices) == 2_340)
    }
}
