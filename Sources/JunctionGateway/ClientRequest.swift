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

    public init(
        format: APIFormat, method: String = "POST", path: String, body: [UInt8], clientKeyName: String?,
        receivedAt: ContinuousClock.Instant = .now, saverLevel: SaverLevel? = nil
    ) {
        self.format = format
        self.method = method
        self.path = path
        self.body = body
        self.clientKeyName = clientKeyName
        self.receivedAt = receivedAt
        self.saverLevel = saverLevel
    }
}
