import Foundation
import JunctionStore
import Testing

/// Health, client keys, managed items, the change feed and migrations, run against every backend.
@Suite("Store conformance: configuration and changes")
struct StoreConfigurationConformanceTests {
    @Test(arguments: StoreBackend.enabled)
    func routingHealthSavesAndLoads(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            #expect(try await store.loadRoutingHealth() == nil)
            let first = Data("{\"models\":[]}".utf8)
            try await store.saveRoutingHealth(first)
            #expect(try await store.loadRoutingHealth() == first)
            let second = Data([0, 1, 2, 255, 0x7F])
            try await store.saveRoutingHealth(second)
            #expect(try await store.loadRoutingHealth() == second)
        }
    }

    @Test(arguments: StoreBackend.enabled)
    func clientKeysSaveUpdateAndList(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            #expect(try await store.clientKeys().isEmpty)
            let alice = StoredClientKey(
                id: "key_000000000002", name: "alice", hash: "aa", prefix: "jk-Aa", createdAt: at(10),
                limits: KeyLimits(requestsPerMinute: 60, tokensPerDay: 1_000_000, allowedModels: ["oai/gpt-4o", "fast"]), saver: "safe")
            let bob = StoredClientKey(id: "key_000000000001", name: "bob", hash: "bb", prefix: "jk-Bb", createdAt: at(20))
            let early = StoredClientKey(id: "key_000000000003", name: "carol", hash: "cc", prefix: "jk-Cc", createdAt: at(5))
            try await store.saveClientKey(alice)
            try await store.saveClientKey(bob)
            try await store.saveClientKey(early)
            // Oldest first.
            #expect(try await store.clientKeys() == [early, alice, bob])
            var revoked = alice
            revoked.revokedAt = at(30)
            revoked.name = "alice-old"
            revoked.limits = KeyLimits(costMicrosPerDay: 5, costMicrosPerMonth: 50)
            revoked.saver = nil
            try await store.saveClientKey(revoked)
            let keys = try await store.clientKeys()
            #expect(keys == [early, revoked, bob])
            #expect(keys[1].isRevoked)
        }
    }

    @Test(arguments: StoreBackend.enabled)
    func managedItemsSaveReplaceListAndDelete(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let b = ManagedItem(kind: .provider, name: "b-provider", document: "{\"id\":\"b\"}", updatedAt: at(1))
            let a = ManagedItem(kind: .provider, name: "a-provider", document: "{\"id\":\"a\"}", updatedAt: at(2))
            let combo = ManagedItem(kind: .combo, name: "a-provider", document: "{}", updatedAt: at(3))
            try await store.saveManagedItem(b)
            try await store.saveManagedItem(a)
            try await store.saveManagedItem(combo)
            #expect(try await store.managedItems(kind: .provider) == [a, b])
            #expect(try await store.managedItems(kind: .combo) == [combo])
            #expect(try await store.managedItems(kind: .setting).isEmpty)
            var replaced = b
            replaced.document = "{\"id\":\"b\",\"accounts\":2}"
            replaced.updatedAt = at(9)
            try await store.saveManagedItem(replaced)
            #expect(try await store.managedItems(kind: .provider) == [a, replaced])
            #expect(try await store.deleteManagedItem(kind: .provider, name: "a-provider"))
            #expect(try await store.deleteManagedItem(kind: .provider, name: "a-provider") == false)
            #expect(try await store.managedItems(kind: .provider) == [replaced])
            #expect(try await store.managedItems(kind: .combo) == [combo]) // same name, other kind: untouched
        }
    }

    @Test(arguments: StoreBackend.enabled)
    func changesAnnounceMutations(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let changes = store.changes()
            try await store.saveRoutingHealth(Data("{}".utf8))
            #expect(await firstChange(in: changes) == StoreChange(kind: .health, isLocal: true))
            try await store.saveClientKey(StoredClientKey(id: "key_1", name: "k", hash: "h", prefix: "jk-", createdAt: at(0)))
            #expect(await firstChange(in: changes) == StoreChange(kind: .clientKeys, isLocal: true))
            // Sessions are not announced; the next change seen is the combo's.
            try await store.saveManagedItem(ManagedItem(kind: .session, name: "s", document: "{}", updatedAt: at(0)))
            try await store.saveManagedItem(ManagedItem(kind: .combo, name: "c", document: "{}", updatedAt: at(0)))
            #expect(await firstChange(in: changes) == StoreChange(kind: .managed(.combo), isLocal: true))
            // A delete that deleted nothing is not announced either.
            try await store.deleteManagedItem(kind: .setting, name: "none")
            try await store.deleteManagedItem(kind: .combo, name: "c")
            #expect(await firstChange(in: changes) == StoreChange(kind: .managed(.combo), isLocal: true))
            // Ledger writes are not changes.
            try await store.insert([record(0)])
            #expect(await firstChange(in: changes, within: .milliseconds(300)) == nil)
        }
    }

    @Test func bothBackendsReportTheSameMigrations() async throws {
        let expected = ["v1.usage", "v2.saver", "v3.routingHealth", "v4.accountUsageIndex", "v5.cost", "v6.adminAndKeys"]
        for backend in StoreBackend.enabled {
            try await backend.withStore { store in
                let applied = try await store.appliedMigrations()
                #expect(applied == expected, "\(backend.rawValue)")
            }
        }
    }
}
