import Foundation
import JunctionRouting
import JunctionWire

/// What routing needs to know about a request beyond its model: OpenRouter-style `models` and
/// `provider` preferences, the capabilities it uses, its size, and the conversation it belongs to.
struct RoutingHints: Sendable {
    var fallbackModels: [String] = []
    var preferences: ProviderPreferences?
    var capabilities: ModelCapabilities = []
    var estimatedInputTokens = 0
    var maxOutputTokens: Int?
    var conversationKey: String?

    /// Reads the hints from a body of `format`; `header` is the client's `x-junction-conversation`.
    init(body: JSONValue, format: APIFormat, byteCount: Int, header: String?) throws(ClientBody.Problem) {
        fallbackModels = body["models"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if let provider = body["provider"], provider.objectValue != nil {
            do {
                preferences = try JSONDecoder().decode(ProviderPreferences.self, from: Data(provider.serialized()))
            } catch {
                throw ClientBody.Problem(message: "The 'provider' preferences could not be read (\(error)).", code: "invalid_provider", param: "provider")
            }
        }
        // A cheap, conservative size: about four bytes a token for the JSON the model will read.
        estimatedInputTokens = byteCount / 4
        maxOutputTokens = (body["max_tokens"] ?? body["max_completion_tokens"] ?? body["max_output_tokens"]
            ?? body["generationConfig"]?["maxOutputTokens"])?.intValue
        if let tools = body["tools"]?.arrayValue, !tools.isEmpty { capabilities.insert(.tools) }
        if Self.usesThinking(body) { capabilities.insert(.thinking) }
        if Self.containsImage(body["messages"] ?? body["input"] ?? body["contents"] ?? .null) { capabilities.insert(.images) }
        conversationKey = header ?? Self.derivedKey(body: body, format: format)
    }

    private static func usesThinking(_ body: JSONValue) -> Bool {
        if let thinking = body["thinking"], thinking["type"]?.stringValue == "enabled" || thinking["type"]?.stringValue == "adaptive" { return true }
        if let effort = body["reasoning_effort"]?.stringValue, effort != "none" { return true }
        if let effort = body["reasoning"]?["effort"]?.stringValue, effort != "none" { return true }
        if let config = body["generationConfig"]?["thinkingConfig"], config["includeThoughts"]?.boolValue == true { return true }
        return false
    }

    /// Whether any part is an image (`image_url`, `image`, `input_image`, Gemini `inlineData`/`fileData` images).
    private static func containsImage(_ value: JSONValue, depth: Int = 0) -> Bool {
        guard depth < 6 else { return false }
        switch value {
        case .array(let elements): return elements.contains { containsImage($0, depth: depth + 1) }
        case .object(let object):
            if let type = object["type"]?.stringValue, ["image_url", "image", "input_image"].contains(type) { return true }
            if let mime = (object["inlineData"] ?? object["fileData"])?["mimeType"]?.stringValue, mime.hasPrefix("image/") { return true }
            return object.members.contains { member in
                (member.key == "content" || member.key == "parts") && containsImage(member.value, depth: depth + 1)
            }
        default: return false
        }
    }

    /// A conversation's identity without a header: its system prompt and first user message.
    private static func derivedKey(body: JSONValue, format: APIFormat) -> String? {
        func text(_ value: JSONValue?) -> String? {
            guard let value else { return nil }
            if let string = value.stringValue { return string }
            let parts = value.arrayValue ?? value["parts"]?.arrayValue ?? []
            let joined = parts.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
            return joined.isEmpty ? nil : joined
        }
        var system: String?
        var firstUser: String?
        switch format {
        case .openAIChat:
            let messages = body["messages"]?.arrayValue ?? []
            system = text(messages.first { $0["role"]?.stringValue == "system" || $0["role"]?.stringValue == "developer" }?["content"])
            firstUser = text(messages.first { $0["role"]?.stringValue == "user" }?["content"])
        case .anthropic:
            system = text(body["system"])
            firstUser = text(body["messages"]?.arrayValue?.first { $0["role"]?.stringValue == "user" }?["content"])
        case .openAIResponses:
            system = body["instructions"]?.stringValue
            firstUser = body["input"]?.stringValue
                ?? text(body["input"]?.arrayValue?.first { $0["role"]?.stringValue == "user" }?["content"])
        case .gemini:
            system = text(body["systemInstruction"])
            firstUser = text(body["contents"]?.arrayValue?.first { $0["role"]?.stringValue == "user" })
        }
        guard system != nil || firstUser != nil else { return nil }
        return ConversationKey.derive(system: system, firstUserMessage: firstUser)
    }
}
