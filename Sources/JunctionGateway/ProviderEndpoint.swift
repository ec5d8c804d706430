import Foundation
import JunctionWire

/// Where and how to call a provider of each format: the URL for the model and the auth headers.
///
/// `base_url` includes the API version, as each provider documents it: `https://api.openai.com/v1`,
/// `https://api.anthropic.com/v1`, `https://generativelanguage.googleapis.com/v1beta`.
enum ProviderEndpoint {
    /// The Anthropic API version sent when the client did not name one.
    static let defaultAnthropicVersion = "2023-06-01"

    static func url(format: APIFormat, baseURL: String, model: String, stream: Bool) -> String {
        switch format {
        case .openAIChat: return baseURL + "/chat/completions"
        case .openAIResponses: return baseURL + "/responses"
        case .anthropic: return baseURL + "/messages"
        case .gemini:
            let escaped = model.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? model
            return baseURL + "/models/\(escaped)" + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent")
        }
    }

    /// The auth and version headers; `forwarded` carries the client's `anthropic-version` and `anthropic-beta`.
    static func headers(format: APIFormat, apiKey: String?, stream: Bool, forwarded: [String: String]) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [
            ("content-type", "application/json"), ("accept", stream ? "text/event-stream" : "application/json"),
        ]
        switch format {
        case .openAIChat, .openAIResponses:
            if let apiKey { headers.append(("authorization", "Bearer \(apiKey)")) }
        case .anthropic:
            if let apiKey { headers.append(("x-api-key", apiKey)) }
            headers.append(("anthropic-version", forwarded["anthropic-version"] ?? defaultAnthropicVersion))
            if let beta = forwarded["anthropic-beta"] { headers.append(("anthropic-beta", beta)) }
        case .gemini:
            if let apiKey { headers.append(("x-goog-api-key", apiKey)) }
        }
        return headers
    }
}
