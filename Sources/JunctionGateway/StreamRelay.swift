import JunctionWire
import NIOCore

/// Why a stream failed before its first content, in the provider's terms.
struct StreamFailure: Sendable, Equatable {
    var status: Int
    var message: String
    /// The provider's own error body, when it sent one.
    var body: JSONValue?
}

/// What one upstream chunk means before the stream is committed to the client.
enum HoldbackVerdict: Sendable, Equatable {
    /// Nothing the client would see yet: read on.
    case needMore
    /// Content arrived: commit and send what was held back.
    case content
    /// The first meaningful event was an error: this attempt failed.
    case error(StreamFailure)
    /// The stream ended (or said it was done) without any content.
    case emptyDone
}

/// Turns an upstream event stream into the client's: held back until the first content, then relayed
/// chunk by chunk. One implementation per kind of route (OpenAI passthrough, other passthrough,
/// translation); all are pure state machines over byte chunks.
protocol StreamRelay: Sendable {
    /// Before commitment: appends what the client will get for this chunk to `held`, and says whether to commit.
    mutating func holdBack(_ chunk: ByteBuffer, into held: inout ByteBuffer) throws -> HoldbackVerdict
    /// After commitment: the bytes to send for this chunk (possibly none).
    mutating func relay(_ chunk: ByteBuffer) throws -> ByteBuffer
    /// At the end of the upstream body: what the client is still owed (an error event if the stream was cut short).
    mutating func finish() -> ByteBuffer
    /// The usage the stream reported.
    var usage: TokenUsage { get }
    /// An error the provider reported after commitment (already passed on to the client).
    var upstreamError: StreamFailure? { get }
}
