public import JunctionSaver
public import JunctionWire

/// A client's request as the gateway sees it: no HTTP types, just what routing needs.
public struct ClientRequest: Sendable {
    /// The client's API.
    public var format: APIFormat
    /// For the request log, for example `POST /v1/chat/completions`.
    public var method: String
    public var path: String
    /// The raw body, at most the server's upload limit.
    public var body: [UInt8]
    /// The name of the client key that authenticated it, if any.
    public var clientKeyName: String?
    /// When the server received it.
    public var receivedAt: ContinuousClock.Instant
    /// The saver level the request asked for (the `x-junction-saver` header), if any.
    public var saverLevel: SaverLevel?
    /// Gemini: the model named in the URL (`/v1beta/models/{model}:generateContent`).
    public var pathModel: String?
    /// Gemini: whether the URL asked for `:streamGenerateContent`.
    public var pathStream: Bool
    /// Client headers passed on to providers of the same family (`anthropic-version`, `anthropic-beta`), by lower-case name.
    public var forwardedHeaders: [String: String]
    /// The conversation this request continues (`x-junction-conversation`), for sticky routing.
    public var conversationKey: String?

    public init(
        format: APIFormat, method: String = "POST", path: String, body: [UInt8], clientKeyName: String?,
        receivedAt: ContinuousClock.Instant = .now, saverLevel: SaverLevel? = nil, pathModel: String? = nil,
        pathStream: Bool = false, forwardedHeaders: [String: String] = [:], conversationKey: String? = nil
    ) {
        self.format = format
        self.method = method
        self.path = path
        self.body = body
        self.clientKeyName = clientKeyName
        self.receivedAt = receivedAt
        self.saverLevel = saverLevel
        self.pathModel = pathModel
        self.pathStream = pathStream
        self.forwardedHeaders = forwardedHeaders
        self.conversationKey = conversationKey
    }
}
