import JunctionWire

/// A coding-agent session independent of any API format: a system prompt, tool definitions and turns
/// in which the assistant calls tools and the tools answer with long output.
///
/// ``Session/requestBody(for:)`` writes it in each client format; built once, deterministically.
struct Session {
    /// One tool the agent may call.
    struct Tool {
        var name: String
        var description: String
        var schema: JSONValue
    }

    /// One tool call with its JSON arguments and the tool's output.
    struct Call {
        var id: String
        var name: String
        var arguments: JSONValue
        var output: String
    }

    /// A user message (optional), the assistant's reply text and the calls it made.
    struct Turn {
        var user: String?
        var assistant: String
        var calls: [Call]
    }

    var system: String
    var tools: [Tool]
    var turns: [Turn]
    /// The user's last message, after the final tool results.
    var closingUser: String

    /// A session whose OpenAI Chat body reaches `targetBytes`, with tool output from `corpus`.
    static func build(targetBytes: Int, corpus: inout TextCorpus) -> Session {
        var session = Session(system: SessionText.systemPrompt, tools: SessionText.tools, turns: [], closingUser: SessionText.closingUser)
        var index = 0
        while session.requestBody(for: .openAIChat).serialized().count < targetBytes {
            session.turns.append(SessionText.turn(index, corpus: &corpus))
            index += 1
        }
        return session
    }
}
