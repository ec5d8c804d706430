public import Foundation

/// The kinds of configuration the admin API keeps in the store.
public enum ManagedKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A provider with its accounts; secrets inside are sealed.
    case provider
    /// A combo.
    case combo
    /// One named setting.
    case setting
    /// Dashboard login sessions, by the hash of their token. Changes to these are not announced.
    case session
    /// The admin password's hash and other admin state.
    case admin
}

/// One stored item: a JSON document under a kind and a name.
public struct ManagedItem: Sendable, Hashable {
    public var kind: ManagedKind
    public var name: String
    /// A JSON document; any secret in it is already sealed.
    public var document: String
    public var updatedAt: Date

    public init(kind: ManagedKind, name: String, document: String, updatedAt: Date) {
        self.kind = kind
        self.name = name
        self.document = document
        self.updatedAt = updatedAt
    }
}

/// Something that changed in the store.
public struct StoreChange: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case managed(ManagedKind)
        case clientKeys
        case health
    }

    public var kind: Kind
    /// Whether this process made the change (always true on SQLite).
    public var isLocal: Bool

    public init(kind: Kind, isLocal: Bool) {
        self.kind = kind
        self.isLocal = isLocal
    }

    /// The text sent over PostgreSQL NOTIFY: `provider`, `combo`, `setting`, `admin`, `keys` or `health`.
    public var wireName: String {
        switch kind {
        case .managed(let kind): kind.rawValue
        case .clientKeys: "keys"
        case .health: "health"
        }
    }

    /// The kind named by ``wireName``.
    public static func kind(wireName: String) -> Kind? {
        switch wireName {
        case "keys": .clientKeys
        case "health": .health
        default: ManagedKind(rawValue: wireName).map(Kind.managed)
        }
    }
}
