public import JunctionSaver
import Foundation
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
    /// Junction's id for the request, sent back as `x-junction-request-id` and kept in the ledger.
    public var requestID: String

    public init(
        format: APIFormat, method: String = "POST", path: String, body: [UInt8], clientKeyName: String?,
        receivedAt: ContinuousClock.Instant = .now, saverLevel: SaverLevel? = nil, pathModel: String? = nil,
        pathStream: Bool = false, forwardedHeaders: [String: String] = [:], conversationKey: String? = nil,
        requestID: String = ClientRequest.makeRequestID()
    ) {
        self.requestID = requestID
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

extension ClientRequest {
    /// `req_` and 20 random hex digits.
    public static func makeRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = UInt64.random(in: 0...UInt64.max, using: &generator)
        let low = UInt16.random(in: 0...UInt16.max, using: &generator)
        let hex = String(high, radix: 16)
        return "req_" + String(repeating: "0", count: 16 - hex.count) + hex + String(format: "%04x", low)
    }
}
