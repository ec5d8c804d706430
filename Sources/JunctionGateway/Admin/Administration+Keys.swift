import Foundation
import JunctionSaver
import JunctionStore
import JunctionWire

extension Administration {
    /// Every client key, the file's and the stored ones (revoked included); never the key itself.
    public func keys() async throws(AdminError) -> JSONValue {
        let stored = try await storing { try await store.clientKeys() }
        let fileKeys: [JSONValue] = fileConfig.clientKeys.map { key in
            [
                "id": .string("file:\(key.name)"), "name": .string(key.name), "prefix": "", "created_at": .null, "revoked_at": .null,
                "limits": AdminViews.limits(key.limits), "saver": key.saver.map { .string($0.rawValue) } ?? .null, "source": "file",
            ]
        }
        return ["keys": .array(fileKeys + stored.map(Self.keyView))]
    }

    /// Makes a key; the response is the only place its plaintext ever appears.
    public func createKey(_ body: JSONValue) async throws(AdminError) -> JSONValue {
        guard let name = body["name"]?.stringValue?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            throw .invalid("A key needs a name.")
        }
        let (key, stored) = try await makeKey(name: name, limits: Self.limits(body["limits"]), saver: try Self.saver(body["saver"]))
        var view = Self.keyView(stored)
        view["key"] = .string(key)
        return view
    }

    /// Stores a new key named `name` and applies it; returns the plaintext and what was stored.
    public func makeKey(name: String, limits: KeyLimits, saver: String?) async throws(AdminError) -> (String, StoredClientKey) {
        let existing = try await storing { try await store.clientKeys() }
        if fileConfig.clientKeys.contains(where: { $0.name == name }) || existing.contains(where: { $0.name == name && !$0.isRevoked }) {
            throw .conflict("A key named '\(name)' exists already.")
        }
        let made = ClientKeyMaker.make()
        let stored = StoredClientKey(
            id: made.id, name: name, hash: made.hash, prefix: made.prefix, createdAt: clock(), limits: limits, saver: saver)
        try await storing { try await store.saveClientKey(stored) }
        try await storing { try await reload() }
        return (made.key, stored)
    }

    public func updateKey(id: String, _ body: JSONValue) async throws(AdminError) -> JSONValue {
        var key = try await storedKey(id: id)
        if let limits = body["limits"] { key.limits = try Self.limits(limits) }
        if let saver = body["saver"] { key.saver = try Self.saver(saver) }
        let updated = key
        try await storing { try await store.saveClientKey(updated) }
        try await storing { try await reload() }
        return Self.keyView(updated)
    }

    /// Revokes a key: its next call gets 401, here and on every instance sharing the store.
    public func revokeKey(id: String) async throws(AdminError) -> JSONValue {
        var key = try await storedKey(id: id)
        if key.revokedAt == nil { key.revokedAt = clock() }
        let revoked = key
        try await storing { try await store.saveClientKey(revoked) }
        try await storing { try await reload() }
        return Self.keyView(revoked)
    }

    private func storedKey(id: String) async throws(AdminError) -> StoredClientKey {
        if id.hasPrefix("file:") { throw .readOnly("Key '\(id.dropFirst(5))'") }
        let keys = try await storing { try await store.clientKeys() }
        guard let key = keys.first(where: { $0.id == id }) else { throw .notFound("No key '\(id)'.") }
        return key
    }

    static func keyView(_ key: StoredClientKey) -> JSONValue {
        [
            "id": .string(key.id), "name": .string(key.name), "prefix": .string(key.prefix), "created_at": AdminViews.date(key.createdAt),
            "revoked_at": AdminViews.date(key.revokedAt), "limits": AdminViews.limits(key.limits),
            "saver": key.saver.map(JSONValue.string) ?? .null, "source": "api",
        ]
    }

    /// Limits from the API's JSON shape (dollars as numbers, stored as micro-dollars).
    static func limits(_ value: JSONValue?) throws(AdminError) -> KeyLimits {
        guard let value, !value.isNull else { return KeyLimits() }
        guard value.objectValue != nil else { throw .invalid("limits must be an object.") }
        func count(_ name: String) throws(AdminError) -> Int? {
            guard let field = value[name], !field.isNull else { return nil }
            guard let number = field.intValue ?? field.doubleValue.map({ Int($0) }), number > 0 else {
                throw .invalid("\(name) must be a positive whole number.")
            }
            return number
        }
        func dollars(_ name: String) throws(AdminError) -> Int? {
            guard let field = value[name], !field.isNull else { return nil }
            guard let amount = field.doubleValue ?? field.intValue.map(Double.init), amount >= 0, amount.isFinite else {
                throw .invalid("\(name) must be an amount in dollars.")
            }
            return Int((amount * 1_000_000).rounded())
        }
        var models: [String]?
        if let list = value["allowed_models"], !list.isNull {
            guard let items = list.arrayValue?.compactMap(\.stringValue), items.count == list.arrayValue?.count else {
                throw .invalid("allowed_models must be a list of model names.")
            }
            let trimmed = items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            models = trimmed.isEmpty ? nil : trimmed
        }
        return KeyLimits(
            requestsPerMinute: try count("requests_per_minute"), tokensPerDay: try count("tokens_per_day"),
            costMicrosPerDay: try dollars("usd_per_day"), costMicrosPerMonth: try dollars("usd_per_month"), allowedModels: models)
    }

    static func saver(_ value: JSONValue?) throws(AdminError) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.stringValue, SaverLevel(rawValue: text) != nil else { throw .invalid("saver must be off, safe or aggressive.") }
        return text
    }
}
