/// Who speaks a message.
public enum CanonicalRole: String, Sendable, Hashable {
    /// The client side: prompts and tool results.
    case user
    /// The model.
    case assistant
}

/// One turn of the conversation: a role and its parts in order.
///
/// Tool results live in `user` messages (as Anthropic puts them); codecs for formats with a separate
/// `tool` role split and merge them.
public struct CanonicalMessage: Sendable, Hashable {
    /// The speaker.
    public var role: CanonicalRole
    /// The parts in order.
    public var parts: [CanonicalPart]
    /// A participant name (OpenAI `name`), when given.
    public var name: String?

    /// A message from `role` with `parts`.
    public init(role: CanonicalRole, parts: [CanonicalPart], name: String? = nil) {
        self.role = role
        self.parts = parts
        self.name = name
    }
}
