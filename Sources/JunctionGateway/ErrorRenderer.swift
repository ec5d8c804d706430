public import JunctionWire
import JunctionTranslate

/// Errors in the client's own API shape: OpenAI `{"error":{"message","type","code"}}` (Chat and
/// Responses), Anthropic `{"type":"error","error":{"type","message"}}`, Gemini
/// `{"error":{"code","message","status"}}`.
public enum ErrorRenderer {
    /// The body of an error Junction reports to a client of `format`.
    public static func body(format: APIFormat, status: Int, message: String, code: String? = nil, param: String? = nil) -> JSONValue {
        switch format {
        case .openAIChat, .openAIResponses:
            return OpenAIErrorBody.make(message: message, type: OpenAIErrorBody.type(forStatus: status), code: code, param: param)
        case .anthropic, .gemini:
            return Codecs.codec(for: format).errorBody(status: status, message: message, type: nil)
        }
    }

    /// An upstream error body in the provider's format, rendered for the client: passed through when
    /// the formats match and the body is well formed, translated otherwise.
    static func upstreamBody(_ bytes: [UInt8], status: Int, from provider: APIFormat, to client: APIFormat) -> [UInt8] {
        let parsed = try? JSONValue(parsing: bytes)
        let decoded = parsed.flatMap { Codecs.codec(for: provider).decodeError($0, status: status) }
        if provider == client || (provider.isOpenAIShaped && client.isOpenAIShaped), decoded != nil { return bytes }
        let text = String(decoding: bytes.prefix(500), as: UTF8.self)
        let message = decoded?.message ?? (text.isEmpty ? "The provider answered HTTP \(status)." : text)
        return body(format: client, status: status, message: message, code: "upstream_error").serialized()
    }
}

extension APIFormat {
    /// Chat Completions and Responses share OpenAI's error body.
    var isOpenAIShaped: Bool { self == .openAIChat || self == .openAIResponses }
}
