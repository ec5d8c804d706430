import Foundation
import JunctionRouting
import JunctionSaver
import JunctionStore
import JunctionWire

extension Administration {
    public func settings() -> JSONValue {
        let config = gateway.config
        return [
            "saver": .string(config.saver.rawValue),
            "file": [
                "listen": .string(config.listen.description), "data_dir": .string(config.dataDir),
                "database": .string(config.database == nil ? "sqlite" : "postgres"),
                "config_file": config.file.map(JSONValue.string) ?? .null,
            ],
        ]
    }

    public func updateSettings(_ body: JSONValue) async throws(AdminError) -> JSONValue {
        guard body.objectValue != nil else { throw .invalid("Send a JSON object.") }
        if let saver = body["saver"] {
            guard let text = saver.stringValue, SaverLevel(rawValue: text) != nil else { throw .invalid("saver must be off, safe or aggressive.") }
            let item = ManagedItem(kind: .setting, name: "saver", document: JSONValue.string(text).serializedString(), updatedAt: clock())
            try await storing { try await store.saveManagedItem(item) }
        }
        try await storing { try await reload() }
        return settings()
    }

    /// The routing engine's account × model health.
    public func health() -> JSONValue {
        let rows: [JSONValue] = gateway.router.healthRows().map { row in
            [
                "provider": .string(row.provider), "account": .int(row.account), "model": .string(row.model),
                "state": .string(row.status.rawValue), "until": AdminViews.date(row.until),
                "remaining_requests": row.remainingRequests.map(JSONValue.int) ?? .null,
                "remaining_tokens": row.remainingTokens.map(JSONValue.int) ?? .null,
                "limit_requests": row.limitRequests.map(JSONValue.int) ?? .null,
                "limit_tokens": row.limitTokens.map(JSONValue.int) ?? .null,
                "last_error": row.lastError.map(JSONValue.string) ?? .null, "last_error_at": AdminViews.date(row.lastErrorAt),
            ]
        }
        return ["accounts": .array(rows)]
    }
}
