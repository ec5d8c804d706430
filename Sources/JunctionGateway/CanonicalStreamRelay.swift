import JunctionTranslate
import JunctionWire
import NIOCore

/// A relay for every route but OpenAI-to-OpenAI: each upstream event is decoded into canonical
/// events, which say when content starts, what the usage is and whether the provider failed.
///
/// In passthrough (same format on both sides) the provider's events are forwarded as they came; in
/// translation the client gets the transcoder's events in its own format.
struct CanonicalStreamRelay: StreamRelay {
    private enum Mode: Sendable {
        case passthrough(decoder: any StreamDecoding)
        case translation(StreamTranscoder)
    }

    private var mode: Mode
    private var decoder = ServerSentEventDecoder()
    private let client: APIFormat
    private var committed = false
    private(set) var usage = TokenUsage()
    private(set) var upstreamError: StreamFailure?

    /// A relay from a `provider` stream to a `client` stream naming `model`.
    init(provider: APIFormat, client: APIFormat, model: String, request: CanonicalRequest?) {
        self.client = client
        if provider == client {
            mode = .passthrough(decoder: Codecs.codec(for: provider).makeStreamDecoder())
        } else {
            mode = .translation(StreamTranscoder(from: provider, to: client, model: model, request: request))
        }
    }

    mutating func holdBack(_ chunk: ByteBuffer, into held: inout ByteBuffer) throws -> HoldbackVerdict {
        var verdict = HoldbackVerdict.needMore
        for event in try decoder.feed(chunk.readableBytesView) {
            let (output, canonical) = try step(event)
            if verdict == .needMore {
                if let failure = canonical.lazy.compactMap(Self.failure).first { return .error(failure) }
                if canonical.contains(where: { $0.isContent || Self.isFinish($0) }) { verdict = .content }
                if canonical.contains(where: Self.isEnd), verdict != .content { return .emptyDone }
            }
            held.writeBytes(output)
        }
        if verdict == .content { committed = true }
        return verdict
    }

    mutating func relay(_ chunk: ByteBuffer) throws -> ByteBuffer {
        var output = ByteBuffer()
        for event in try decoder.feed(chunk.readableBytesView) {
            let (bytes, canonical) = try step(event)
            if let failure = canonical.lazy.compactMap(Self.failure).first { upstreamError = failure }
            output.writeBytes(bytes)
        }
        return output
    }

    mutating func finish() -> ByteBuffer {
        var output = ByteBuffer()
        if let event = decoder.finish(), let (bytes, canonical) = try? step(event) {
            if let failure = canonical.lazy.compactMap(Self.failure).first { upstreamError = failure }
            output.writeBytes(bytes)
        }
        switch mode {
        case .passthrough(var streamDecoder):
            let owed = streamDecoder.finish()
            mode = .passthrough(decoder: streamDecoder)
            record(owed)
            if let failure = owed.lazy.compactMap(Self.failure).first {
                // The provider's stream was cut short: say so in the client's own stream format.
                upstreamError = failure
                output.writeBytes(Codecs.codec(for: client).streamErrorEvent(status: failure.status, message: failure.message).encoded())
            }
        case .translation(var transcoder):
            let (events, canonical) = transcoder.finish()
            mode = .translation(transcoder)
            record(canonical)
            if let failure = canonical.lazy.compactMap(Self.failure).first { upstreamError = failure }
            for event in events { output.writeBytes(event.encoded()) }
        }
        return output
    }

    /// The client bytes and the canonical events for one provider event.
    private mutating func step(_ event: ServerSentEvent) throws -> (bytes: [UInt8], canonical: [CanonicalStreamEvent]) {
        switch mode {
        case .passthrough(var streamDecoder):
            let canonical = try streamDecoder.decode(event)
            mode = .passthrough(decoder: streamDecoder)
            record(canonical)
            return (event.encoded(), canonical)
        case .translation(var transcoder):
            let (events, canonical) = try transcoder.transcode(event)
            mode = .translation(transcoder)
            record(canonical)
            var bytes: [UInt8] = []
            for event in events { bytes += event.encoded() }
            return (bytes, canonical)
        }
    }

    private mutating func record(_ canonical: [CanonicalStreamEvent]) {
        for event in canonical {
            if case .usage(let reported) = event { usage = TokenUsage(reported) }
        }
    }

    private static func failure(_ event: CanonicalStreamEvent) -> StreamFailure? {
        guard case .error(let error) = event else { return nil }
        return StreamFailure(status: error.status, message: error.message, body: nil)
    }

    /// A finish reason counts as content: the model answered, even if with nothing.
    private static func isFinish(_ event: CanonicalStreamEvent) -> Bool {
        if case .finish = event { return true }
        return false
    }

    private static func isEnd(_ event: CanonicalStreamEvent) -> Bool {
        if case .end = event { return true }
        return false
    }
}
