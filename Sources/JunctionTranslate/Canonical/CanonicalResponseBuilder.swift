import JunctionWire

/// Folds canonical stream events into a whole ``CanonicalResponse``.
///
/// For a client that asked for a whole answer from a provider that streamed one (or a ledger that wants
/// the final usage): feed every event, then read ``response``.
public struct CanonicalResponseBuilder: Sendable {
    private var id = ""
    private var model = ""
    private var parts: [CanonicalPart] = []
    private var toolParts: [Int: Int] = [:]
    private var refusal: String?
    private var usage: CanonicalUsage?
    private var finishReason: FinishReason?

    /// The error the stream ended with, if any.
    public private(set) var error: CanonicalError?
    /// Whether the stream ended (normally or with an error).
    public private(set) var isComplete = false

    /// An empty builder.
    public init() {}

    /// Applies one event.
    public mutating func apply(_ event: CanonicalStreamEvent) {
        switch event {
        case .start(let id, let model):
            self.id = id
            self.model = model
        case .textDelta(let text, let signature):
            if case .text(let sofar)? = parts.last?.content {
                parts[parts.count - 1].content = .text(sofar + text)
                if let signature { parts[parts.count - 1].thoughtSignature = signature }
            } else {
                parts.append(CanonicalPart(.text(text), thoughtSignature: signature))
            }
        case .thinkingDelta(let text):
            if case .thinking(var thinking)? = parts.last?.content, thinking.signature == nil {
                thinking.text += text
                parts[parts.count - 1].content = .thinking(thinking)
            } else {
                parts.append(CanonicalPart(.thinking(Thinking(text: text))))
            }
        case .thinkingSignature(let signature, let origin):
            if case .thinking(var thinking)? = parts.last?.content, thinking.signature == nil {
                thinking.signature = signature
                thinking.origin = origin
                parts[parts.count - 1].content = .thinking(thinking)
            } else {
                parts.append(CanonicalPart(.thinking(Thinking(text: "", signature: signature, origin: origin))))
            }
        case .redactedThinking(let data):
            parts.append(CanonicalPart(.redactedThinking(data: data)))
        case .toolCallStart(let index, let id, let name):
            toolParts[index] = parts.count
            parts.append(CanonicalPart(.toolCall(ToolCall(id: id, name: name, argumentsJSON: ""))))
        case .toolCallArgumentsDelta(let index, let piece):
            guard let position = toolParts[index], case .toolCall(var call) = parts[position].content else { return }
            call.argumentsJSON += piece
            parts[position].content = .toolCall(call)
        case .refusalDelta(let text):
            refusal = (refusal ?? "") + text
        case .usage(let usage):
            self.usage = usage
        case .finish(let reason):
            finishReason = reason
        case .end:
            isComplete = true
        case .error(let error):
            self.error = error
            isComplete = true
        }
    }

    /// The answer so far.
    public var response: CanonicalResponse {
        var parts = parts
        for index in parts.indices {
            if case .toolCall(var call) = parts[index].content, call.argumentsJSON.isEmpty {
                call.argumentsJSON = "{}"
                parts[index].content = .toolCall(call)
            }
        }
        return CanonicalResponse(id: id, model: model, parts: parts, finishReason: finishReason, usage: usage, refusal: refusal)
    }
}

extension CanonicalResponse {
    /// The answer as the stream events that would have carried it, for a client that asked for a stream
    /// from a provider that answered whole.
    public var streamEvents: [CanonicalStreamEvent] {
        var events: [CanonicalStreamEvent] = [.start(id: id, model: model)]
        if let usage { events.append(.usage(usage)) }
        var toolIndex = 0
        for part in parts {
            switch part.content {
            case .text(let text): events.append(.textDelta(text, thoughtSignature: part.thoughtSignature))
            case .thinking(let thinking):
                if !thinking.text.isEmpty { events.append(.thinkingDelta(thinking.text)) }
                if let signature = thinking.signature { events.append(.thinkingSignature(signature, origin: thinking.origin ?? .anthropic)) }
            case .redactedThinking(let data): events.append(.redactedThinking(data))
            case .toolCall(let call):
                events.append(.toolCallStart(index: toolIndex, id: call.id, name: call.name))
                events.append(.toolCallArgumentsDelta(index: toolIndex, call.argumentsJSON))
                toolIndex += 1
            case .image, .toolResult: continue
            }
        }
        if let refusal { events.append(.refusalDelta(refusal)) }
        events.append(.finish(finishReason ?? (toolIndex > 0 ? .toolCalls : .stop)))
        events.append(.end)
        return events
    }
}
