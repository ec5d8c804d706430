import Foundation
import JunctionStore
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// A real SQLite store whose inserts fail while `down` is set, as a database that went away.
final class FlakyStore: Store {
    let base: JunctionDatabase
    let down = Mutex(true)
    let insertAttempts = Mutex(0)

    init(dataDir: String) throws { base = try JunctionDatabase(dataDir: dataDir) }

    var label: String { "flaky" }
    func insert(_ records: [UsageRecord]) async throws {
        insertAttempts.withLock { $0 += 1 }
        if down.withLock({ $0 }) { throw StoreError(message: "database unreachable") }
        try await base.insert(records)
    }
    func usageRecords(since: Date) async throws -> [UsageRecord] { try await base.usageRecords(since: since) }
    func usageFacts(since: Date, until: Date?) async throws -> [UsageFact] { try await base.usageFacts(since: since, until: until) }
    func requestLog(_ query: RequestLogQuery) async throws -> [UsageRecord] { try await base.requestLog(query) }
    func usageSummary(since date: Date) async throws -> [UsageSummary] { try await base.usageSummary(since: date) }
    func accountUsage(provider: String, account: Int, since date: Date) async throws -> (requests: Int, tokens: Int) {
        try await base.accountUsage(provider: provider, account: account, since: date)
    }
    func keyUsage(clientKey: String, since date: Date) async throws -> KeyUsage { try await base.keyUsage(clientKey: clientKey, since: date) }
    func saveRoutingHealth(_ state: Data) async throws { try await base.saveRoutingHealth(state) }
    func loadRoutingHealth() async throws -> Data? { try await base.loadRoutingHealth() }
    func clientKeys() async throws -> [StoredClientKey] { try await base.clientKeys() }
    func saveClientKey(_ key: StoredClientKey) async throws { try await base.saveClientKey(key) }
    func managedItems(kind: ManagedKind) async throws -> [ManagedItem] { try await base.managedItems(kind: kind) }
    func saveManagedItem(_ item: ManagedItem) async throws { try await base.saveManagedItem(item) }
    func deleteManagedItem(kind: ManagedKind, name: String) async throws -> Bool { try await base.deleteManagedItem(kind: kind, name: name) }
    func changes() -> AsyncStream<StoreChange> { base.changes() }
    func appliedMigrations() async throws -> [String] { try await base.appliedMigrations() }
}

@Suite("Ledger queue")
struct LedgerQueueTests {
    func record(_ index: Int) -> UsageRecord {
        UsageRecord(
            createdAt: Date(), clientKey: "k", endpoint: "openai", requestedModel: "m\(index)", provider: "p", upstreamModel: "m",
            attempts: 1, status: 200, stream: false, latencyMs: 1, firstByteMs: 1, requestId: "req_\(index)")
    }

    @Test func whileTheStoreIsDownRecordsWaitInABoundedQueueAndTheOverflowIsCounted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("junction-ledger-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try FlakyStore(dataDir: folder)
        let ledger = Ledger(store: store, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), capacity: 100, retryInterval: .milliseconds(20))
        let group = ServiceGroup(services: [ledger], logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let running = Task { try await group.run() }

        for index in 0..<250 { ledger.record(record(index)) }
        await ledger.flush()
        #expect(ledger.queueDepth == 100, "the queue holds at most its capacity")
        #expect(ledger.droppedCount == 150)
        #expect(try await store.base.usageRecords(since: .distantPast).isEmpty)
        #expect(store.insertAttempts.withLock { $0 } >= 1)

        store.down.withLock { $0 = false }
        let drained = await waitUntil { ledger.queueDepth == 0 }
        #expect(drained, "the queue is written once the store is back")
        let written = try await store.base.usageRecords(since: .distantPast)
        #expect(written.map(\.requestId) == (0..<100).map { "req_\($0)" }, "the oldest records are kept, in order")

        await group.triggerGracefulShutdown()
        try await running.value
    }

    func waitUntil(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<250 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }
}
