import JunctionWire

/// A provider as the admin API stores it: the file's fields, and accounts whose keys are sealed.
struct StoredProvider: Sendable {
    struct Account: Sendable {
        var name: String
        /// The key sealed by ``SecretBox``.
        var sealedKey: String
    }

    /// The provider's fields without its accounts, in the file's names (`id`, `kind`, `base_url`…).
    var definition: JSONValue
    var accounts: [Account]

    init(definition: JSONValue, accounts: [Account]) {
        self.definition = definition
        self.accounts = accounts
    }

    init(document: String) throws {
        var value = try JSONValue(parsing: document)
        accounts = (value["accounts"]?.arrayValue ?? []).map { account in
            Account(name: account["name"]?.stringValue ?? "", sealedKey: account["key"]?.stringValue ?? "")
        }
        value["accounts"] = nil
        definition = value
    }

    var document: String {
        var value = definition
        value["accounts"] = .array(accounts.map { ["name": .string($0.name), "key": .string($0.sealedKey)] })
        return value.serializedString()
    }
}
