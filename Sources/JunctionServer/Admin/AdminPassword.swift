public import Foundation
public import JunctionStore
import JunctionWire

/// The dashboard's admin password, stored as a PBKDF2 hash in the store.
public struct AdminPassword: Sendable {
    static let itemName = "password"
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }
    var hasher = PasswordHasher()

    public func isSet() async throws -> Bool {
        try await store.managedItems(kind: .admin).contains { $0.name == Self.itemName }
    }

    public func set(_ password: String, now: Date) async throws {
        let encoded = try hasher.hash(password: password)
        try await store.saveManagedItem(
            ManagedItem(kind: .admin, name: Self.itemName, document: JSONValue.string(encoded).serializedString(), updatedAt: now))
    }

    public func verify(_ password: String) async -> Bool {
        guard let item = try? await store.managedItems(kind: .admin).first(where: { $0.name == Self.itemName }),
            let encoded = (try? JSONValue(parsing: item.document))?.stringValue
        else { return false }
        return hasher.verify(password: password, encoded: encoded)
    }
}
