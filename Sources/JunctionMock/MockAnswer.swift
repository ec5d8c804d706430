import Foundation
import JunctionWire

/// What the mock answers to one request, whatever the format: the words, an optional thinking
/// passage, an optional tool call, and the token counts the usage reports.
///
/// Every format's answer is built from this one plan, so the same request gets the same words,
/// arguments and counts in all four formats.
struct MockAnswer: Sendable {
    /// A call to the request's first tool.
    struct ToolCall: Sendable {
        var name: String
        /// The arguments as a JSON object text.
        var arguments: String
        /// The arguments cut into the pieces a stream sends; they join to `arguments`.
        var pieces: [String]
        /// The arguments as a JSON value.
        var argumentsValue: JSONValue { (try? JSONValue(parsing: arguments)) ?? [:] }
    }

    /// The words of the text answer; empty when the answer is a tool call.
    var words: [String]
    /// The words of the thinking passage, when the request enabled thinking.
    var thinking: [String]?
    /// The tool call, when the request offered tools and is not answering one.
    var toolCall: ToolCall?
    /// Input tokens, as the mock counts them.
    var promptTokens: Int
    /// Of the input tokens, those read from the prompt cache.
    var cachedTokens: Int = 0
    /// Whether the text was cut at the request's output-token limit.
    var truncated = false

    /// Output tokens of the text or the tool call, thinking excluded.
    var visibleTokens: Int {
        if let toolCall { return 6 + toolCall.pieces.count }
        return words.count
    }

    /// Output tokens spent thinking.
    var reasoningTokens: Int { thinking?.count ?? 0 }

    /// The text answer as one string.
    var text: String { words.joined(separator: " ") }

    /// The thinking passage as one string.
    var thinkingText: String? { thinking?.joined(separator: " ") }

    /// Builds the plan from what every format's request reduces to.
    init(
        provider: String, model: String, replyWords: Int, promptTokens: Int, thinking: Bool,
        tool: (name: String, schema: JSONValue?)?, cachedTokens: Int = 0
    ) {
        self.promptTokens = promptTokens
        self.cachedTokens = min(cachedTokens, promptTokens)
        self.thinking = thinking ? Self.thinkingWords(provider: provider) : nil
        if let tool {
            let arguments = Self.arguments(schema: tool.schema)
            toolCall = ToolCall(name: tool.name, arguments: arguments, pieces: Self.pieces(of: arguments))
            words = []
        } else {
            toolCall = nil
            words = OpenAIMockResponses.reply(provider: provider, model: model, promptTokens: promptTokens, words: replyWords)
        }
    }

    /// Cuts a text answer to the request's output-token limit (`nil` or a tool call: no change).
    mutating func limit(to maxTokens: Int?) {
        guard let maxTokens, maxTokens > 0, toolCall == nil, words.count > maxTokens else { return }
        words = Array(words.prefix(maxTokens))
        truncated = true
    }

    static func thinkingWords(provider: String) -> [String] {
        ["The", "user", "wants", "an", "answer", "from", provider + ".", "I", "will", "reply", "briefly", "and", "plainly."]
    }

    /// `{"path":"README.md"}`, or the schema's first required string property set to `README.md`.
    static func arguments(schema: JSONValue?) -> String {
        var key = "path"
        if let required = schema?["required"]?.arrayValue?.compactMap(\.stringValue),
            let properties = schema?["properties"],
            let first = required.first(where: { properties[$0]?["type"]?.stringValue?.lowercased() == "string" })
        {
            key = first
        }
        let value: JSONValue = .object(JSONObject([.init(key: key, value: "README.md")]))
        return value.serializedString()
    }

    /// Cuts a text into four or so pieces, never splitting a character.
    static func pieces(of text: String) -> [String] {
        let characters = Array(text)
        let size = max(1, (characters.count + 3) / 4)
        return stride(from: 0, to: characters.count, by: size).map { String(characters[$0..<min($0 + size, characters.count)]) }
    }

    /// A deterministic base64 signature over the thinking text, the same each time it is made.
    static func signature(for thinking: String) -> String {
        Data(("junction-mock-signature:" + thinking).utf8).base64EncodedString()
    }

    /// Cuts a text into stream deltas, one word each (a space before all but the first).
    static func deltas(_ words: [String]) -> [String] {
        words.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }
    }
}
