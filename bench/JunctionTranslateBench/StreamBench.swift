import JunctionTranslate
import JunctionWire

/// Times stream translation per provider chunk (one SSE event): the bytes are split into events, each
/// event is transcoded, and the client events are framed for the wire, as the gateway's relay does.
enum StreamBench {
    /// Per-chunk costs of one provider stream into one client format.
    struct Result {
        var stats = Stats()
        var clientEvents = 0
        var clientBytes = 0
    }

    /// The full translation path, `runs` times after `warmup` untimed runs.
    static func translate(_ stream: ProviderStream, to client: APIFormat, request: CanonicalRequest?, runs: Int, warmup: Int) throws -> Result {
        var result = Result()
        for run in 0..<(warmup + runs) {
            var sse = ServerSentEventDecoder()
            var transcoder = StreamTranscoder(from: stream.format, to: client, model: "client-model", request: request)
            var events = 0, bytes = 0
            for chunk in stream.chunks {
                let start = ContinuousClock.now
                var output: [UInt8] = []
                for event in try sse.feed(chunk) {
                    for clientEvent in try transcoder.transcode(event).client {
                        output += clientEvent.encoded()
                        events += 1
                    }
                }
                let elapsed = microseconds(since: start)
                bytes += output.count
                if run >= warmup { result.stats.add(elapsed) }
            }
            let last = transcoder.finish()
            for clientEvent in last.client { bytes += clientEvent.encoded().count; events += 1 }
            if let error = last.canonical.lazy.compactMap({ if case .error(let error) = $0 { error } else { nil } }).first {
                throw StreamFailure(message: "the stream did not end cleanly: \(error.message)")
            }
            result.clientEvents = events
            result.clientBytes = bytes
        }
        return result
    }

    /// The baseline: split the same chunks into events and parse each event's JSON, nothing more.
    static func parseOnly(_ stream: ProviderStream, runs: Int, warmup: Int) -> Result {
        var result = Result()
        for run in 0..<(warmup + runs) {
            var sse = ServerSentEventDecoder()
            for chunk in stream.chunks {
                let start = ContinuousClock.now
                for event in (try? sse.feed(chunk)) ?? [] {
                    if let json = try? JSONValue(parsing: event.data), json.isNull { result.clientEvents += 1 }
                }
                let elapsed = microseconds(since: start)
                if run >= warmup { result.stats.add(elapsed) }
            }
        }
        return result
    }

    /// What the gateway does for a same-format stream: decode each event to canonical (to watch for
    /// content, usage and errors) and forward the event as it came.
    static func passthrough(_ stream: ProviderStream, runs: Int, warmup: Int) throws -> Result {
        var result = Result()
        for run in 0..<(warmup + runs) {
            var sse = ServerSentEventDecoder()
            var decoder = Codecs.codec(for: stream.format).makeStreamDecoder()
            for chunk in stream.chunks {
                let start = ContinuousClock.now
                var output: [UInt8] = []
                for event in try sse.feed(chunk) {
                    result.clientEvents += try decoder.decode(event).count
                    output += event.encoded()
                }
                let elapsed = microseconds(since: start)
                result.clientBytes += output.count
                if run >= warmup { result.stats.add(elapsed) }
            }
        }
        return result
    }
}

/// A benchmark stream that the transcoder did not accept as complete.
struct StreamFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
