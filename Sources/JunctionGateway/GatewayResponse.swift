public import NIOCore

/// What the server sends back: a status, headers, and a body that is either whole or a stream.
public struct GatewayResponse: Sendable {
    /// A body the server writes out chunk by chunk.
    ///
    /// `write` suspends while the client cannot take more (backpressure) and throws once the client
    /// has gone; the stream then stops and the upstream request is cancelled.
    public struct Stream: Sendable {
        public let run: @Sendable (_ write: (ByteBuffer) async throws -> Void) async -> Void

        public init(run: @escaping @Sendable (_ write: (ByteBuffer) async throws -> Void) async -> Void) {
            self.run = run
        }
    }

    public enum Body: Sendable {
        case bytes(ByteBuffer)
        case stream(Stream)
    }

    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Body

    public init(status: Int, headers: [(name: String, value: String)], body: Body) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response.
    public static func json(status: Int, _ bytes: [UInt8], headers: [(name: String, value: String)] = []) -> GatewayResponse {
        GatewayResponse(
            status: status, headers: [("content-type", "application/json")] + headers,
            body: .bytes(ByteBuffer(bytes: bytes)))
    }
}
