import JunctionWire

/// The mock's token counting: words of the text a request carries, the same for the same request.
enum MockTokens {
    /// Keys whose string values are identifiers or markers, not text the model reads.
    static let ignoredKeys: Set<String> = [
        "type", "role", "id", "call_id", "tool_use_id", "signature", "thoughtSignature", "model", "cache_control",
        "mimeType", "media_type", "detail", "status", "ttl",
    ]

    /// The words of every string in a value, skipping identifiers.
    static func words(in value: JSONValue) -> Int {
        switch value {
        case .string(let text): text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
        case .array(let elements): elements.reduce(0) { $0 + words(in: $1) }
        case .object(let object):
            object.members.reduce(0) { total, member in ignoredKeys.contains(member.key) ? total : total + words(in: member.value) }
        default: 0
        }
    }

    /// Input tokens of a conversation: 4 per message plus its words, plus the system text, plus 3.
    static func prompt(messages: [JSONValue], system: JSONValue? = nil) -> Int {
        messages.reduce(3) { $0 + 4 + words(in: $1) } + (system.map(words(in:)) ?? 0)
    }

    /// Tokens of each growing prefix of the conversation, keyed by a fingerprint of that prefix.
    ///
    /// The prefix of `k` messages is fingerprinted with the system text and tools, so a request
    /// that repeats an earlier conversation and adds to it finds the earlier prefix again. Its
    /// tokens are what `prompt(messages:system:)` gives for those `k` messages.
    static func prefixes(messages: [JSONValue], system: JSONValue?, tools: JSONValue?) -> [(fingerprint: Int, tokens: Int)] {
        var hasher = Hasher()
        hasher.combine(system ?? .null)
        hasher.combine(tools ?? .null)
        var tokens = 3 + (system.map(words(in:)) ?? 0)
        var result: [(Int, Int)] = []
        for message in messages {
            hasher.combine(message)
            tokens += 4 + words(in: message)
            var copy = hasher
            copy.combine(result.count)
            result.append((copy.finalize(), tokens))
        }
        return result
    }
}
