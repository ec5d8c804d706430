import Foundation

/// Health persists as lists of keyed entries (not JSON objects keyed by strings), so that keys keep
/// their structure and a store can also save rows one by one.
extension HealthState: Codable {
    private struct Entry<Key: Codable & Sendable, Value: Codable & Sendable>: Codable, Sendable {
        var key: Key
        var value: Value
    }

    private enum CodingKeys: String, CodingKey {
        case accounts, models, breakers, latency
    }

    /// Decodes a persisted state.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func load<K: Hashable & Codable & Sendable, V: Codable & Sendable>(_ key: CodingKeys) throws -> [K: V] {
            let entries = try container.decodeIfPresent([Entry<K, V>].self, forKey: key) ?? []
            return Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        }
        self.init(
            accounts: try load(.accounts),
            models: try load(.models),
            breakers: try load(.breakers),
            latency: try load(.latency)
        )
    }

    /// Encodes the state, entries sorted by key so the output is stable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accounts.sorted { $0.key < $1.key }.map { Entry(key: $0.key, value: $0.value) }, forKey: .accounts)
        try container.encode(models.sorted { $0.key < $1.key }.map { Entry(key: $0.key, value: $0.value) }, forKey: .models)
        try container.encode(breakers.sorted { $0.key < $1.key }.map { Entry(key: $0.key, value: $0.value) }, forKey: .breakers)
        try container.encode(latency.sorted { $0.key < $1.key }.map { Entry(key: $0.key, value: $0.value) }, forKey: .latency)
    }
}
