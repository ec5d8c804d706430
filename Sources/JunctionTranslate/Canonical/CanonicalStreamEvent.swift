import JunctionWire

/// One step of a streamed answer, between a provider's events and a client's.
///
/// A decoder turns each provider event into zero or more of these; an encoder turns each into zero or
/// more client events. Tool calls are identified by `index`, their position among the answer's tool
/// calls (0, 1, …), so parallel calls and argument pieces stay apart.
public enum CanonicalStreamEvent: Sendable, Hashable {
    /// The answer begins.
    case start(id: String, model: String)
    /// A piece of answer text (and a Gemini thought signature carried by it, if any).
    case textDelta(String, thoughtSignature: String?)
    /// A piece of reasoning text.
    case thinkingDelta(String)
    /// The signature of the reasoning streamed so far; it closes that reasoning block.
    case thinkingSignature(String, origin: APIFormat)
    /// A redacted reasoning block.
    case redactedThinking(String)
    /// A tool call begins.
    case toolCallStart(index: Int, id: String, name: String)
    /// A piece of a tool call's argument JSON.
    case toolCallArgumentsDelta(index: Int, String)
    /// A refusal text piece.
    case refusalDelta(String)
    /// Usage so far: each snapshot replaces the previous one.
    case usage(CanonicalUsage)
    /// Why generation stopped.
    case finish(FinishReason)
    /// The stream ended normally.
    case end
    /// The provider reported an error inside the stream.
    case error(CanonicalError)
}

extension CanonicalStreamEvent {
    /// Whether this event is real content (text, reasoning, a tool call, a refusal) rather than
    /// bookkeeping (start, usage, finish, end) or an error: the point where a gateway commits to an attempt.
    public var isContent: Bool {
        switch self {
        case .textDelta(let text, _): !text.isEmpty
        case .thinkingDelta, .thinkingSignature, .redactedThinking, .toolCallStart, .toolCallArgumentsDelta, .refusalDelta: true
        case .start, .usage, .finish, .end, .error: false
        }
    }
}
