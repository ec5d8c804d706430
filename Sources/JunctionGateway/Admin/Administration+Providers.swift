import Foundation
import JunctionProviders
import JunctionStore
import JunctionWire

extension Administration {
    /// Every provider, the file's first; keys masked.
    public func providers() -> JSONValue {
        ["providers": .array(gateway.config.providers.map(AdminViews.provider))]
    }

    public func provider(id: String) throws(AdminError) -> JSONValue {
        guard let provider = gateway.config.provider(id: id) else { throw .notFound("No provider '\(id)'.") }
        return AdminViews.provider(provider)
    }

    /// The built-in catalog, for adding a provider from it.
    public func catalog() -> JSONValue {
        ["providers": .array(ProviderCatalog.all.map(AdminViews.catalogEntry))]
    }

    /// Adds a provider; its account keys are sealed before they are stored.
    public func createProvider(_ body: JSONValue) async throws(AdminError) -> JSONValue {
        let id = try Self.providerID(body)
        guard gateway.config.provider(id: id) == nil else { throw .conflict("A provider '\(id)' exists already.") }
        let accounts = try Self.accountInputs(body["accounts"]) ?? []
        return try await saveProvider(definition: Self.definition(body), accounts: try seal(accounts), replacing: nil)
    }

    /// Replaces a provider made through the API; omitted `accounts` keeps the current ones.
    public func replaceProvider(id: String, _ body: JSONValue) async throws(AdminError) -> JSONValue {
        let stored = try await storedProvider(id: id)
        guard (try Self.providerID(body)) == id else { throw .invalid("The id in the body must be '\(id)'; delete and re-create to rename.") }
        var accounts = stored.accounts
        if let inputs = try Self.accountInputs(body["accounts"]) { accounts = try seal(inputs) }
        return try await saveProvider(definition: Self.definition(body), accounts: accounts, replacing: id)
    }

    public func deleteProvider(id: String) async throws(AdminError) {
        _ = try await storedProvider(id: id)
        if let combo = gateway.config.combos.first(where: { $0.targets.contains { $0.hasPrefix("\(id)/") } }) {
            throw .conflict("Combo '\(combo.name)' routes to '\(id)'; change it first.")
        }
        try await storing { try await store.deleteManagedItem(kind: .provider, name: id) }
        try await storing { try await reload() }
    }

    public func addAccount(providerID id: String, _ body: JSONValue) async throws(AdminError) -> JSONValue {
        var stored = try await storedProvider(id: id)
        guard let account = try Self.accountInputs(.array([body]))?.first else { throw .invalid("Send {\"key\": \"...\"}.") }
        stored.accounts += try seal([account])
        return try await saveProvider(definition: stored.definition, accounts: stored.accounts, replacing: id)
    }

    public func removeAccount(providerID id: String, index: Int) async throws(AdminError) -> JSONValue {
        var stored = try await storedProvider(id: id)
        guard stored.accounts.indices.contains(index) else { throw .notFound("Provider '\(id)' has no account \(index).") }
        stored.accounts.remove(at: index)
        return try await saveProvider(definition: stored.definition, accounts: stored.accounts, replacing: id)
    }

    /// Sends a real one-token request to a provider, outside routing.
    public func testProvider(id: String, _ body: JSONValue) async throws(AdminError) -> JSONValue {
        guard let provider = gateway.config.provider(id: id) else { throw .notFound("No provider '\(id)'.") }
        let model = body["model"]?.stringValue ?? provider.models.first
            ?? provider.kind.flatMap(ProviderCatalog.entry)?.models.first?.id
        guard let model else { throw .invalid("Name a model to test: {\"model\": \"...\"}.") }
        let result = await gateway.testProvider(provider, model: model, account: body["account"]?.intValue ?? 0)
        return [
            "ok": .bool(result.ok), "status": result.status.map(JSONValue.int) ?? .null, "latency_ms": .int(result.latencyMs),
            "model": .string(result.model), "message": .string(result.message),
        ]
    }

    // MARK: Helpers

    private func saveProvider(definition: JSONValue, accounts: [StoredProvider.Account], replacing id: String?) async throws(AdminError)
        -> JSONValue
    {
        let stored = StoredProvider(definition: definition, accounts: accounts)
        let provider: ProviderConfig
        do {
            provider = try managed.provider(from: stored.document)
        } catch {
            throw .invalid(ManagedConfiguration.describe(error))
        }
        var candidate = gateway.config
        if let id { candidate.providers.removeAll { $0.id == id } }
        candidate.providers.append(provider)
        try validate(candidate)
        let item = ManagedItem(kind: .provider, name: provider.id, document: stored.document, updatedAt: clock())
        try await storing { try await store.saveManagedItem(item) }
        try await storing { try await reload() }
        return AdminViews.provider(gateway.config.provider(id: provider.id) ?? provider)
    }

    private func storedProvider(id: String) async throws(AdminError) -> StoredProvider {
        if gateway.config.provider(id: id)?.source == .file { throw .readOnly("Provider '\(id)'") }
        let items = try await storing { try await store.managedItems(kind: .provider) }
        guard let item = items.first(where: { $0.name == id }) else { throw .notFound("No provider '\(id)'.") }
        do {
            return try StoredProvider(document: item.document)
        } catch {
            throw .invalid("The stored provider '\(id)' is unreadable.")
        }
    }

    private func seal(_ accounts: [(name: String, key: String)]) throws(AdminError) -> [StoredProvider.Account] {
        var sealed: [StoredProvider.Account] = []
        for account in accounts {
            do {
                sealed.append(StoredProvider.Account(name: account.name, sealedKey: try secrets.seal(account.key)))
            } catch {
                throw AdminError(status: 500, message: "The key could not be encrypted; nothing was stored.", type: "server_error")
            }
        }
        return sealed
    }

    private static func providerID(_ body: JSONValue) throws(AdminError) -> String {
        guard body.objectValue != nil else { throw .invalid("Send a JSON object.") }
        guard let id = body["id"]?.stringValue?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
            throw .invalid("A provider needs an id.")
        }
        return id
    }

    /// The file's provider fields from an API body; unknown fields are kept so the loader refuses them by name.
    private static func definition(_ body: JSONValue) -> JSONValue {
        var definition = withoutNulls(body)
        definition["accounts"] = nil
        definition["source"] = nil
        definition["model_details"] = nil
        return definition
    }

    private static func accountInputs(_ value: JSONValue?) throws(AdminError) -> [(name: String, key: String)]? {
        guard let value, !value.isNull else { return nil }
        guard let list = value.arrayValue else { throw .invalid("accounts must be a list of {name, key}.") }
        var accounts: [(name: String, key: String)] = []
        for (index, account) in list.enumerated() {
            guard let key = account["key"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty else {
                throw .invalid("accounts[\(index)] needs a key.")
            }
            accounts.append((account["name"]?.stringValue ?? "", key))
        }
        return accounts
    }
}
