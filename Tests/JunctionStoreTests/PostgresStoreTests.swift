import Foundation
@testable import JunctionStore
import Testing

/// What only the PostgreSQL backend does: several instances on one database, the listener. Skipped
/// without a server, except in CI where a missing server fails each test.
@Suite("PostgreSQL store", .enabled(if: TestPostgres.isEnabled, "\(TestPostgres.variable) is not set: no PostgreSQL server to test against"))
struct PostgresStoreTests {
    @Test func aWrongPasswordFailsWithoutRevealingIt() async throws {
        guard let admin = TestPostgres.requireURL() else { return }
        var components = try #require(URLComponents(string: admin))
        components.password = "wrong-Pa55word"
        let url = try #require(components.string)
        let error = await #expect(throws: StoreError.self) { _ = try await PostgresStore(url: url, logger: TestPostgres.logger) }
        #expect(error?.message.contains("wrong-Pa55word") == false)
        #expect(error?.message.contains("postgres://") == true)
    }

    @Test func aChangeReachesAnotherInstanceWithinTwoSeconds() async throws {
        try await TestPostgres.withDatabase { url in
            try await withPostgresStore(url: url, logger: TestPostgres.logger) { one in
                try await withPostgresStore(url: url, logger: TestPostgres.logger) { two in
                    #expect(one.instanceID != two.instanceID)
                    let seenByTwo = two.changes()
                    let seenByOne = one.changes()
                    let started = ContinuousClock.now
                    try await one.saveManagedItem(ManagedItem(kind: .provider, name: "p", document: "{}", updatedAt: at(0)))
                    #expect(await firstChange(in: seenByTwo) == StoreChange(kind: .managed(.provider), isLocal: false))
                    #expect(ContinuousClock.now - started < .seconds(2))
                    #expect(await firstChange(in: seenByOne) == StoreChange(kind: .managed(.provider), isLocal: true))
                    // And the other way round, for every announced kind.
                    try await two.saveClientKey(StoredClientKey(id: "key_1", name: "k", hash: "h", prefix: "jk-", createdAt: at(0)))
                    #expect(await firstChange(in: seenByOne) == StoreChange(kind: .clientKeys, isLocal: false))
                    try await two.saveRoutingHealth(Data("{}".utf8))
                    #expect(await firstChange(in: seenByOne) == StoreChange(kind: .health, isLocal: false))
                    // What one instance wrote, the other reads.
                    #expect(try await two.managedItems(kind: .provider).map(\.name) == ["p"])
                    #expect(try await one.loadRoutingHealth() == Data("{}".utf8))
                }
            }
        }
    }

    @Test func twoStoresStartingTogetherBothMigrateCleanly() async throws {
        try await TestPostgres.withDatabase { url in
            let migrations = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await withPostgresStore(url: url, logger: TestPostgres.logger) { try await $0.appliedMigrations() }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(migrations.count == 4)
            #expect(Set(migrations).count == 1)
            #expect(migrations.first?.count == PostgresMigrations.all.count)
        }
    }

    @Test func theListenerReconnectsAfterLosingItsConnection() async throws {
        try await TestPostgres.withDatabase { url in
            try await withPostgresStore(url: url, logger: TestPostgres.logger) { listening in
                try await withPostgresStore(url: url, logger: TestPostgres.logger) { writer in
                    #expect(listening.listenerGeneration == 1)
                    let changes = listening.changes()
                    // Kill every listening connection on this database (both stores' listeners).
                    try await PostgresAdmin.execute(url: url, [
                        """
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'LISTEN%'
                        """,
                    ], logger: TestPostgres.logger)
                    // After reconnecting, the listener tells subscribers to reload everything.
                    let resync = await firstChange(in: changes, within: .seconds(10)) { $0.kind == .health }
                    #expect(resync == StoreChange(kind: .health, isLocal: false))
                    #expect(listening.listenerGeneration == 2)
                    #expect(await listening.waitUntilListening(timeout: .seconds(5)))
                    try await writer.saveManagedItem(ManagedItem(kind: .setting, name: "s", document: "1", updatedAt: at(0)))
                    let change = await firstChange(in: changes) { $0.kind == .managed(.setting) }
                    #expect(change == StoreChange(kind: .managed(.setting), isLocal: false))
                }
            }
        }
    }

    @Test func aStoreThatStopsEndsItsChangeStreams() async throws {
        try await TestPostgres.withDatabase { url in
            let changes = try await withPostgresStore(url: url, logger: TestPostgres.logger) { $0.changes() }
            var iterator = changes.makeAsyncIterator()
            #expect(await iterator.next() == nil)
        }
    }
}
