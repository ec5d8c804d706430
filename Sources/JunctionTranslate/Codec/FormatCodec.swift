import JunctionWire

/// Turns one format's provider stream events into canonical stream events.
///
/// A decoder is a small state machine: feed it every event in order, then call ``finish()`` once
/// when the byte stream ends.
public protocol StreamDecoding: Sendable {
    /// The canonical events for one provider event.
    mutating func decode(_ event: ServerSentEvent) throws -> [CanonicalStreamEvent]
    /// The canonical events still owed when the provider's stream ends (at least `.end` if none was sent).
    mutating func finish() -> [CanonicalStreamEvent]
}

/// Turns canonical stream events into one format's client stream events, including its terminal events.
public protocol StreamEncoding: Sendable {
    /// The client events for one canonical event.
    mutating func encode(_ event: CanonicalStreamEvent) -> [ServerSentEvent]
    /// The client events still owed to close the stream properly (none if `.end` or `.error` was encoded).
    mutating func finish() -> [ServerSentEvent]
}

/// One API format's translation to and from the canonical conversation.
///
/// The gateway decodes a client body with the client format's codec and encodes it for the provider
/// with the provider format's codec; answers travel back the other way:
///
/// ```swift
/// let request = try Codecs.codec(for: .anthropic).decodeRequest(body)
/// let upstream = try Codecs.codec(for: .gemini).encodeRequest(request, upstreamModel: "gemini-2.5-pro", stream: true)
/// ```
public protocol FormatCodec: Sendable {
    /// The format this codec speaks.
    static var format: APIFormat { get }
    /// A client's request body → canonical.
    func decodeRequest(_ body: JSONValue) throws -> CanonicalRequest
    /// Canonical → a provider request body for `upstreamModel`.
    func encodeRequest(_ request: CanonicalRequest, upstreamModel: String, stream: Bool) throws -> JSONValue
    /// A provider's response body → canonical.
    func decodeResponse(_ body: JSONValue) throws -> CanonicalResponse
    /// Canonical → a client response body, naming `model`.
    func encodeResponse(_ response: CanonicalResponse, model: String) -> JSONValue
    /// A fresh decoder for one provider stream.
    func makeStreamDecoder() -> any StreamDecoding
    /// A fresh encoder for one client stream, naming `model`.
    func makeStreamEncoder(model: String) -> any StreamEncoding
    /// This format's error body for a status and message (`type` overrides the status's default type).
    func errorBody(status: Int, message: String, type: String?) -> JSONValue
    /// This format's in-stream error event.
    func streamErrorEvent(status: Int, message: String) -> ServerSentEvent
    /// A provider error body of this format → canonical, or `nil` if the body is not an error.
    func decodeError(_ body: JSONValue, status: Int) -> CanonicalError?
}

/// The codec of each format.
public enum Codecs {
    /// The codec that answers the client of `request`, honouring what the request asked of the answer
    /// (for OpenAI Chat, whether the stream ends with a usage chunk).
    public static func clientCodec(for format: APIFormat, request: CanonicalRequest) -> any FormatCodec {
        if format == .openAIChat { return OpenAIChatCodec(includeStreamUsage: request.includeStreamUsage ?? false) }
        return codec(for: format)
    }

    /// The codec for `format`.
    public static func codec(for format: APIFormat) -> any FormatCodec {
        switch format {
        case .openAIChat: OpenAIChatCodec()
        case .anthropic: AnthropicCodec()
        case .gemini: GeminiCodec()
        case .openAIResponses: ResponsesCodec()
        }
    }

    /// Translates a client request body of `from` into a provider request body of `to`.
    public static func translateRequest(_ body: JSONValue, from: APIFormat, to: APIFormat, upstreamModel: String, stream: Bool) throws -> JSONValue {
        let request = try codec(for: from).decodeRequest(body)
        return try codec(for: to).encodeRequest(request, upstreamModel: upstreamModel, stream: stream)
    }

    /// Translates a provider response body of `from` into a client response body of `to`.
    public static func translateResponse(_ body: JSONValue, from: APIFormat, to: APIFormat, model: String) throws -> JSONValue {
        let response = try codec(for: from).decodeResponse(body)
        return codec(for: to).encodeResponse(response, model: model)
    }
}

/// A provider stream of one format transcoded, event by event, into a client stream of another.
public struct StreamTranscoder: Sendable {
    private var decoder: any StreamDecoding
    private var encoder: any StreamEncoding

    /// A transcoder from a `provider`-format stream to a `client`-format stream naming `model`.
    ///
    /// Pass the client's decoded `request` so that the stream honours what it asked for
    /// (see ``Codecs/clientCodec(for:request:)``).
    public init(from provider: APIFormat, to client: APIFormat, model: String, request: CanonicalRequest? = nil) {
        decoder = Codecs.codec(for: provider).makeStreamDecoder()
        let codec = request.map { Codecs.clientCodec(for: client, request: $0) } ?? Codecs.codec(for: client)
        encoder = codec.makeStreamEncoder(model: model)
    }

    /// The client events for one provider event, and the canonical events in between.
    public mutating func transcode(_ event: ServerSentEvent) throws -> (client: [ServerSentEvent], canonical: [CanonicalStreamEvent]) {
        let canonical = try decoder.decode(event)
        var output: [ServerSentEvent] = []
        for item in canonical { output += encoder.encode(item) }
        return (output, canonical)
    }

    /// The client events still owed when the provider stream ends, and the canonical events in between
    /// (an `.error` here means the provider's stream was cut short).
    public mutating func finish() -> (client: [ServerSentEvent], canonical: [CanonicalStreamEvent]) {
        let canonical = decoder.finish()
        var output: [ServerSentEvent] = []
        for item in canonical { output += encoder.encode(item) }
        return (output + encoder.finish(), canonical)
    }
}
