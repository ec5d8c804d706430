import JunctionWire

/// A realistic provider stream of one format, one SSE event per chunk: hundreds of text deltas, a tool
/// call whose arguments arrive in pieces, the finish and the usage, framed as the provider frames them.
struct ProviderStream {
    let format: APIFormat
    /// Each provider event as wire bytes (`event:`/`data:` lines and the blank line).
    private(set) var chunks: [[UInt8]] = []

    init(format: APIFormat, textDeltas: Int = 400, argumentDeltas: Int = 60) {
        self.format = format
        let pieces = Self.textPieces(count: textDeltas)
        let arguments = Self.argumentPieces(count: argumentDeltas)
        switch format {
        case .openAIChat: openAIChat(pieces, arguments)
        case .anthropic: anthropic(pieces, arguments)
        case .gemini: gemini(pieces, arguments)
        case .openAIResponses: responses(pieces, arguments)
        }
    }

    static let toolName = "edit_file"
    static let callID = "call_7Yh2kQ9mZ3xW1vB4nR8tL0pD"

    mutating func add(_ data: JSONValue, event: String? = nil) {
        chunks.append(ServerSentEvent(event: event, data: data.serializedString()).encoded())
    }

    mutating func addRaw(_ data: String) {
        chunks.append(ServerSentEvent(data: data).encoded())
    }

    /// The answer text in pieces of one to four words, as models stream it.
    private static func textPieces(count: Int) -> [String] {
        let words = """
        The failure comes from the retry loop in `RetryBudget.swift`: when the upstream times out, the budget is \
        decremented twice, once in `attempt()` and again in the `catch` block, so after three timeouts the gateway \
        stops retrying even though the configured budget is five. I'll move the decrement into a single place, \
        add a test with a manual clock that times out four times, and check that the fifth attempt still runs. \
        The ledger duplicates have the same cause: each extra attempt wrote its own row with the request's id.
        """.split(separator: " ").map(String.init)
        return (0..<count).map { index in
            let length = 1 + (index * 5) % 4
            let start = (index * 3) % words.count
            return (0..<length).map { words[(start + $0) % words.count] }.joined(separator: " ") + " "
        }
    }

    /// The tool call's JSON arguments cut into `count` pieces of a few characters.
    private static func argumentPieces(count: Int) -> [String] {
        let arguments: JSONValue = [
            "path": "/repo/Sources/Gateway/RetryBudget.swift",
            "old_string": "        budget.consume()\n        do {\n            return try await attempt()\n        } catch {\n            budget.consume()\n            throw error\n        }",
            "new_string": "        budget.consume()\n        return try await attempt()",
        ]
        let text = Array(arguments.serializedString())
        let size = max(1, (text.count + count - 1) / count)
        return stride(from: 0, to: text.count, by: size).map { String(text[$0..<min($0 + size, text.count)]) }
    }
}
