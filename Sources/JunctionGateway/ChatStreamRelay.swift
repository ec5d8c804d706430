import JunctionWire
import NIOCore

/// Reads an OpenAI-compatible event stream and decides what the client gets: a pure state machine
/// over upstream chunks, with no I/O.
///
/// Before the stream is committed every event is inspected, to find the first real content or an
/// error. After it, only events that may carry usage or an error are parsed; the rest are framed
/// and passed on untouched.
struct ChatStreamRelay: StreamRelay {
    private var decoder = ServerSentEventDecoder()
    private let clientWantsUsage: Bool
    /// The usage reported by the stream, if any.
    private(set) var usage = TokenUsage()
    /// An error event seen after commitment, already passed to the client.
    private(set) var upstreamError: StreamFailure?

    init(clientWantsUsage: Bool) {
        self.clientWantsUsage = clientWantsUsage
    }

    /// Before commitment: appends the chunk's events to `held` and says whether to commit.
    mutating func holdBack(_ chunk: ByteBuffer, into held: inout ByteBuffer) throws -> HoldbackVerdict {
        var verdict = HoldbackVerdict.needMore
        for event in try decoder.feed(chunk.readableBytesView) {
            let inspected = OpenAIStreamChunk(data: event.data)
            if verdict == .needMore {
                if let error = inspected.error { return .error(Self.failure(error)) }
                if inspected.hasContent { verdict = .content }
                if inspected.isDone { return .emptyDone }
            }
            forward(event, inspected: inspected, into: &held)
        }
        return verdict
    }

    /// After commitment: the bytes to send for this chunk (possibly none).
    mutating func relay(_ chunk: ByteBuffer) throws -> ByteBuffer {
        var output = ByteBuffer()
        for event in try decoder.feed(chunk.readableBytesView) {
            forwardAfterCommit(event, into: &output)
        }
        return output
    }

    /// At the end of the upstream body: an unterminated last event, if any.
    mutating func finish() -> ByteBuffer {
        var output = ByteBuffer()
        if let event = decoder.finish() { forwardAfterCommit(event, into: &output) }
        return output
    }

    private mutating func forwardAfterCommit(_ event: ServerSentEvent, into output: inout ByteBuffer) {
        guard Self.mayCarryUsageOrError(event.data) else {
            output.writeBytes(event.encoded())
            return
        }
        let inspected = OpenAIStreamChunk(data: event.data)
        if let error = inspected.error { upstreamError = Self.failure(error) }
        forward(event, inspected: inspected, into: &output)
    }

    private mutating func forward(_ event: ServerSentEvent, inspected: OpenAIStreamChunk, into output: inout ByteBuffer) {
        if let usage = inspected.usage { self.usage = TokenUsage(openAIUsage: usage) }
        if inspected.isUsageOnly && !clientWantsUsage { return }
        output.writeBytes(event.encoded())
    }

    static func failure(_ body: JSONValue) -> StreamFailure {
        StreamFailure(status: 502, message: body["error"]?["message"]?.stringValue ?? "The provider sent an error event.", body: body)
    }

    /// A cheap byte scan so that plain content chunks are never parsed after commitment.
    static func mayCarryUsageOrError(_ data: String) -> Bool {
        let utf8 = data.utf8
        return utf8.withContiguousStorageIfAvailable { bytes in
            contains(bytes, #""usage""#) || contains(bytes, #""error""#) || !bytes.starts(with: [UInt8(ascii: "{")])
        } ?? true
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard haystack.count >= count else { return false }
        let first = needle.utf8Start[0]
        var index = 0
        while index <= haystack.count - count {
            if haystack[index] == first {
                var matched = true
                for offset in 1..<count where haystack[index + offset] != needle.utf8Start[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }
}
