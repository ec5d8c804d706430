import JunctionWire

/// How a provider expects its API key.
public enum ProviderAuthStyle: Sendable, Hashable, Codable {
    /// `Authorization: Bearer <key>` (OpenAI and every OpenAI-compatible API).
    case bearer
    /// `x-api-key: <key>` plus `anthropic-version: <version>` (Anthropic Messages).
    case anthropic(version: String)
    /// `x-goog-api-key: <key>` (Gemini API).
    case googAPIKey
    /// `api-key: <key>` (Azure OpenAI).
    case azureAPIKey
    /// No key (local servers); a key given anyway is sent as a bearer token.
    case none

    /// The Anthropic API version Junction sends by default.
    public static let anthropicDefaultVersion = "2023-06-01"

    /// The header fields that carry `apiKey` in this style.
    public func headers(apiKey: String?) -> [(name: String, value: String)] {
        switch self {
        case .bearer:
            apiKey.map { [("Authorization", "Bearer \($0)")] } ?? []
        case .anthropic(let version):
            (apiKey.map { [("x-api-key", $0)] } ?? []) + [("anthropic-version", version)]
        case .googAPIKey:
            apiKey.map { [("x-goog-api-key", $0)] } ?? []
        case .azureAPIKey:
            apiKey.map { [("api-key", $0)] } ?? []
        case .none:
            apiKey.map { [("Authorization", "Bearer \($0)")] } ?? []
        }
    }
}

/// Where a catalog entry's figures came from, and when they were checked.
public struct CatalogSource: Sendable, Hashable, Codable {
    /// The pages the figures were read from, most authoritative first.
    public var urls: [String]
    /// When they were checked (`YYYY-MM-DD`).
    public var checked: String
    /// What was and was not verified.
    public var note: String

    /// Creates a source record.
    public init(urls: [String], checked: String, note: String) {
        self.urls = urls
        self.checked = checked
        self.note = note
    }
}
