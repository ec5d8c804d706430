import JunctionWire

/// A prompt-cache breakpoint on a block, as Anthropic's `cache_control` expresses it.
///
/// Only Anthropic targets can express it; other codecs drop it (OpenAI and Gemini cache automatically).
public struct CacheMark: Sendable, Hashable {
    /// The cache type; Anthropic knows only `ephemeral`.
    public var type: String
    /// The time to live (`5m`, `1h`), when given.
    public var ttl: String?

    /// A mark with the given type and time to live.
    public init(type: String = "ephemeral", ttl: String? = nil) {
        self.type = type
        self.ttl = ttl
    }
}

/// Where an image comes from.
public enum ImageSource: Sendable, Hashable {
    /// Inline bytes, base64-encoded, with their media type (`image/png`).
    case base64(mediaType: String, data: String)
    /// A URL the provider fetches itself.
    case url(String)
}

/// A call of a client-defined tool made by the model.
public struct ToolCall: Sendable, Hashable {
    /// The id that the matching tool result refers to; unique within a conversation.
    public var id: String
    /// The tool's name.
    public var name: String
    /// The arguments as JSON text, exactly as the model produced them.
    public var argumentsJSON: String

    /// A call with the given id, name and argument text.
    public init(id: String, name: String, argumentsJSON: String) {
        self.id = id
        self.name = name
        self.argumentsJSON = argumentsJSON
    }
}

/// The result of a tool call, sent back by the client.
public struct ToolResult: Sendable, Hashable {
    /// The id of the call this answers.
    public var callID: String
    /// The tool's name, when the client's format says it (Gemini does; others resolve it from the call).
    public var name: String?
    /// The output: text and images.
    public var content: [CanonicalPart]
    /// Whether the tool failed.
    public var isError: Bool
    /// The result as a JSON object, when the client's format gave one (Gemini `functionResponse.response`).
    public var structured: JSONValue?

    /// A result for `callID`.
    public init(callID: String, name: String? = nil, content: [CanonicalPart], isError: Bool = false, structured: JSONValue? = nil) {
        self.callID = callID
        self.name = name
        self.content = content
        self.isError = isError
        self.structured = structured
    }
}

/// Model reasoning: its text and the opaque signature that proves it to the provider that wrote it.
public struct Thinking: Sendable, Hashable {
    /// The reasoning text or summary (may be empty when only the signature matters).
    public var text: String
    /// The provider's signature (Anthropic `signature`, Responses `encrypted_content`).
    public var signature: String?
    /// The format of the provider that produced the signature; a signature is only ever sent back to that format.
    public var origin: APIFormat?
    /// The provider's item id, when it has one (Responses reasoning items).
    public var itemID: String?

    /// Reasoning with the given text and signature.
    public init(text: String, signature: String? = nil, origin: APIFormat? = nil, itemID: String? = nil) {
        self.text = text
        self.signature = signature
        self.origin = origin
        self.itemID = itemID
    }
}

/// One typed piece of a message.
public struct CanonicalPart: Sendable, Hashable {
    /// What the piece holds.
    public enum Content: Sendable, Hashable {
        /// Plain text.
        case text(String)
        /// An image.
        case image(ImageSource)
        /// A tool call made by the assistant.
        case toolCall(ToolCall)
        /// A tool result sent by the user side.
        case toolResult(ToolResult)
        /// Reasoning, possibly signed.
        case thinking(Thinking)
        /// Anthropic's encrypted reasoning, returned verbatim on later turns.
        case redactedThinking(data: String)
    }

    /// The content.
    public var content: Content
    /// A prompt-cache breakpoint after this part.
    public var cacheMark: CacheMark?
    /// A Gemini `thoughtSignature` attached to this part.
    public var thoughtSignature: String?

    /// A part with the given content.
    public init(_ content: Content, cacheMark: CacheMark? = nil, thoughtSignature: String? = nil) {
        self.content = content
        self.cacheMark = cacheMark
        self.thoughtSignature = thoughtSignature
    }

    /// A text part.
    public static func text(_ text: String, cacheMark: CacheMark? = nil) -> CanonicalPart {
        CanonicalPart(.text(text), cacheMark: cacheMark)
    }

    /// The text, if this is a text part.
    public var text: String? {
        if case .text(let text) = content { return text }
        return nil
    }
}
