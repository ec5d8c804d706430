import JunctionWire

extension AnthropicCodec {
    /// The prefix of a `redacted_thinking` block's data that carries a Gemini text-part signature.
    static let carriedSignaturePrefix = SignatureCarrier.envelopePrefix + APIFormat.gemini.rawValue + "."

    /// An opaque block holding a Gemini `thoughtSignature` that sat on a text part.
    ///
    /// Anthropic has no place for a signature on text. `redacted_thinking` is the block an Anthropic
    /// client already keeps and sends back untouched, so the signature travels in it, wrapped as
    /// `junction.gemini.<signature>`; on the next turn the request decoder puts it back on the text
    /// part, and only a Gemini target ever sees it.
    static func carriedSignatureBlock(_ signature: String) -> JSONValue {
        ["type": "redacted_thinking", "data": .string(carriedSignaturePrefix + signature)]
    }
}
