import Foundation
import JunctionRouting
import JunctionStore
import JunctionWire

extension Administration {
    public func combos() -> JSONValue {
        ["combos": .array(gateway.config.combos.map(AdminViews.combo))]
    }

    public func combo(name: String) throws(AdminError) -> JSONValue {
        guard let combo = gateway.config.combo(named: name) else { throw .notFound("No combo '\(name)'.") }
        return AdminViews.combo(combo)
    }

    public func createCombo(_ body: JSONValue) async throws(AdminError) -> JSONValue {
        let name = try Self.comboName(body)
        guard gateway.config.combo(named: name) == nil else { throw .conflict("A combo '\(name)' exists already.") }
        return try await saveCombo(body, name: name, replacing: false)
    }

    public func replaceCombo(name: String, _ body: JSONValue) async throws(AdminError) -> JSONValue {
        try await requireStoredCombo(name)
        guard (try Self.comboName(body)) == name else { throw .invalid("The name in the body must be '\(name)'.") }
        return try await saveCombo(body, name: name, replacing: true)
    }

    public func deleteCombo(name: String) async throws(AdminError) {
        try await requireStoredCombo(name)
        if let user = gateway.config.combos.first(where: { $0.name != name && $0.targets.contains(name) }) {
            throw .conflict("Combo '\(user.name)' routes to '\(name)'; change it first.")
        }
        try await storing { try await store.deleteManagedItem(kind: .combo, name: name) }
        try await storing { try await reload() }
    }

    /// The attempts a model string would get right now, and why the other targets are skipped.
    public func routePreview(_ body: JSONValue) -> JSONValue {
        guard let model = body["model"]?.stringValue, !model.isEmpty else {
            return ["model": "", "attempts": [], "skipped": [], "error": "Name a model."]
        }
        let request = RouteRequest(model: model)
        do {
            var session = try gateway.router.plan(request)
            var attempts: [JSONValue] = []
            while let attempt = gateway.router.next(&session), attempts.count < 32 {
                attempts.append([
                    "provider": .string(attempt.provider), "model": .string(attempt.upstreamModel), "account": .int(attempt.account),
                    "tier": attempt.tier.map(JSONValue.string) ?? .null, "probe": .bool(attempt.isProbe),
                ])
            }
            return ["model": .string(model), "attempts": .array(attempts), "skipped": .array(session.skipped.map(AdminViews.skipped)), "error": .null]
        } catch {
            return [
                "model": .string(model), "attempts": [], "skipped": .array(error.skipped.map(AdminViews.skipped)),
                "error": .string(error.message),
            ]
        }
    }

    private func saveCombo(_ body: JSONValue, name: String, replacing: Bool) async throws(AdminError) -> JSONValue {
        var definition = Self.withoutNulls(body)
        definition["source"] = nil
        let document = definition.serializedString()
        var combo: ComboConfig
        do {
            combo = try managed.loader.combo(document: document, label: "combo")
        } catch {
            throw .invalid(ManagedConfiguration.describe(error))
        }
        combo.source = .api
        var candidate = gateway.config
        if replacing { candidate.combos.removeAll { $0.name == name } }
        candidate.combos.append(combo)
        try validate(candidate)
        let item = ManagedItem(kind: .combo, name: name, document: document, updatedAt: clock())
        try await storing { try await store.saveManagedItem(item) }
        try await storing { try await reload() }
        return AdminViews.combo(gateway.config.combo(named: name) ?? combo)
    }

    private func requireStoredCombo(_ name: String) async throws(AdminError) {
        guard let combo = gateway.config.combo(named: name) else { throw .notFound("No combo '\(name)'.") }
        if combo.source == .file { throw .readOnly("Combo '\(name)'") }
    }

    private static func comboName(_ body: JSONValue) throws(AdminError) -> String {
        guard body.objectValue != nil else { throw .invalid("Send a JSON object.") }
        guard let name = body["name"]?.stringValue?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            throw .invalid("A combo needs a name.")
        }
        return name
    }

    /// The value with every `null` member removed, at any depth: the API's "not set" is the file's
    /// absent field (the YAML reader would take `null` for the text "null").
    static func withoutNulls(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.members.compactMap { member in
                member.value.isNull ? nil : JSONObject.Member(key: member.key, value: withoutNulls(member.value))
            }))
        case .array(let elements):
            return .array(elements.map(withoutNulls))
        default:
            return value
        }
    }
}
