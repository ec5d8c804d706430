import JunctionProviders
import JunctionWire

/// Why an attempt did not produce a response worth sending, before anything reached the client.
enum AttemptFailure: Sendable {
    /// The provider answered with an error status that another account or target may not have.
    case status(Int, body: [UInt8], format: APIFormat)
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
        case .status(let status, _, _): return String(status)
        case .transport(let error): return error.kind.isTimeout ? "timeout" : (error.kind == .connect ? "connect-error" : "closed")
        case .streamError: return "stream-error"
        case .emptyStream: return "empty-stream"
        case .invalidResponse: return "invalid-response"
        }
    }

    /// Statuses worth another attempt: rate limits, overload, server faults, and account problems (bad or
    /// out-of-credit keys) that another account may not share. Other 4xx are the client's to fix.
    static func isRetryable(status: Int) -> Bool {
        switch status {
        case 401, 402, 403, 408, 409, 429: return true
        default: return status >= 500
        }
    }
}
