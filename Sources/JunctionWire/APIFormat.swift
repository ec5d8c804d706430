/// The four API dialects Junction speaks, as clients and as upstream providers.
///
/// The raw values are the `format:` names used in the configuration file.
public enum APIFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// OpenAI Chat Completions (`/v1/chat/completions`).
    case openAIChat = "openai"
    /// Anthropic Messages (`/v1/messages`).
    case anthropic = "anthropic"
    /// Google Gemini `generateContent` / `streamGenerateContent`.
    case gemini = "gemini"
    /// OpenAI Responses (`/v1/responses`).
    case openAIResponses = "openai-responses"
}
