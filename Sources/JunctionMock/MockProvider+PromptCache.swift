import JunctionWire
import Synchronization

extension MockProvider {
    /// The smallest prefix a provider caches: 1024 tokens, as OpenAI, Anthropic and Gemini document.
    static let minimumCachedPrefix = 1024

    /// Tokens of the longest earlier-seen prefix of this conversation (the last message excluded,
    /// prefixes under 1024 tokens never cached), and remembers every prefix of it for later requests.
    func cachedPrefixTokens(messages: [JSONValue], system: JSONValue? = nil, tools: JSONValue? = nil) -> Int {
        let prefixes = MockTokens.prefixes(messages: messages, system: system, tools: tools)
        return state.withLock { state in
            let hit = prefixes.dropLast().last {
                $0.tokens >= Self.minimumCachedPrefix && state.promptPrefixes.contains($0.fingerprint)
            }?.tokens ?? 0
            for prefix in prefixes { state.promptPrefixes.insert(prefix.fingerprint) }
            return hit
        }
    }
}
