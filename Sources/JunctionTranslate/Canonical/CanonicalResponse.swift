/// A finished model turn in no particular format.
public struct CanonicalResponse: Sendable, Hashable {
    /// The provider's response id.
    public var id: String
    /// The model that answered.
    public var model: String
    /// The answer: thinking, text, tool calls, in order.
    public var parts: [CanonicalPart]
    /// Why generation stopped.
    public var finishReason: FinishReason?
    /// Token counts.
    public var usage: CanonicalUsage?
    /// A refusal message (OpenAI `refusal`), when the model refused.
    public var refusal: String?
    /// The Unix time the response was created, when known.
    public var created: Int?

    /// A response with the given content.
    public init(id: String, model: String, parts: [CanonicalPart], finishReason: FinishReason? = nil, usage: CanonicalUsage? = nil, refusal: String? = nil, created: Int? = nil) {
        self.id = id
        self.model = model
        self.parts = parts
        self.finishReason = finishReason
        self.usage = usage
        self.refusal = refusal
        self.created = created
    }

    /// The tool calls in the answer.
    public var toolCalls: [ToolCall] {
        parts.compactMap { part in
            if case .toolCall(let call) = part.content { return call }
            return nil
        }
    }
}
