import JunctionProviders
import JunctionRouting
import JunctionTranslate
import JunctionWire

/// Why an attempt did not produce a response worth sending, before anything reached the client.
enum UpstreamFailure: Sendable {
    /// The provider answered with an error status.
    case status(Int, body: [UInt8], format: APIFormat, headers: [(name: String, value: String)])
    /// The target cannot express the request (Junction's own 400, already in the client's shape).
    case untranslatable(body: [UInt8])
    /// No usable response: connection refused, timeout, connection closed.
    case transport(UpstreamError)
    /// A 200 response or stream whose first meaningful event was an error.
    case streamError(StreamFailure, format: APIFormat)
    /// A 200 stream that ended before any content.
    case emptyStream
    /// A 200 response whose body was not what the format promises.
    case invalidResponse(String)

    /// A compact outcome for the route header and the ledger: `429`, `timeout`, `stream-error`…
    var outcome: String {
        switch self {
        case .status(let status, _, _, _): return String(status)
        case .untranslatable: return "untranslatable"
        case .transport(let error): return error.kind.isTimeout ? "timeout" : (error.kind == .connect ? "connect-error" : "closed")
        case .streamError: return "stream-error"
        case .emptyStream: return "empty-stream"
        case .invalidResponse: return "invalid-response"
        }
    }

    /// The same failure in the routing engine's terms, for its error table.
    var routingFailure: JunctionRouting.AttemptFailure {
        switch self {
        case .status(let status, let body, _, let headers):
            return .http(status, headers: HeaderFields(headers.map { ($0.name, $0.value) }), body: String(decoding: body.prefix(4096), as: UTF8.self))
        case .untranslatable(let body):
            return .http(400, body: String(decoding: body, as: UTF8.self))
        case .transport(let error):
            if error.kind == .firstByteTimeout { return .transport(.timeout, body: error.message, phase: .response) }
            if error.kind == .idleTimeout { return .transport(.stall, body: error.message, phase: .streamBeforeContent) }
            return .transport(.connection, body: error.message, phase: error.kind == .connect ? .connect : .response)
        case .streamError(let failure, _):
            let body = failure.body?.serializedString() ?? failure.message
            return JunctionRouting.AttemptFailure(status: failure.status == 502 ? nil : failure.status, body: body, transport: .streamError, phase: .streamBeforeContent)
        case .emptyStream:
            return .transport(.emptyStream, phase: .streamBeforeContent)
        case .invalidResponse(let reason):
            return .transport(.streamError, body: reason, phase: .response)
        }
    }

    /// The upstream's HTTP status, when it answered with one.
    var statusCode: Int? {
        if case .status(let status, _, _, _) = self { return status }
        return nil
    }

    /// A one-line description safe to show an admin: the provider's error message, not its whole body.
    var summary: String {
        switch self {
        case .status(let status, let body, let format, _):
            let parsed = try? JSONValue(parsing: body)
            let message = parsed.flatMap { Codecs.codec(for: format).decodeError($0, status: status)?.message }
            return "HTTP \(status)" + (message.map { ": \($0)" } ?? "")
        case .untranslatable: return "the request cannot be expressed in this provider's format"
        case .transport(let error): return error.message
        case .streamError(let failure, _): return failure.message
        case .emptyStream: return "the provider ended its stream without content"
        case .invalidResponse(let reason): return "invalid response: \(reason)"
        }
    }
}
