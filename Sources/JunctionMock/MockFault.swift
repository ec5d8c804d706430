import Foundation

/// A failure the mock provider acts out for one request.
///
/// Written as `key=value` pairs separated by `;`, in the `x-mock-fault` request header or a
/// scenario file:
///
/// | key | effect |
/// |---|---|
/// | `status=429` | answer with this status and the route's format's documented error body for it |
/// | `retry-after=30` | the `Retry-After` header, in seconds (Gemini: a `RetryInfo` detail on a 429) |
/// | `latency=200` | wait this many milliseconds before the response head |
/// | `stall=5000` | stop sending for this many milliseconds (before the head, or after `stall-after` chunks) |
/// | `stall-after=2` | where a stall starts: after this many stream chunks |
/// | `disconnect-after=3` | close the connection after this many stream chunks |
/// | `stream-error-after=0` | send the format's error event inside the 200 stream after this many chunks, then end |
/// | `message=text` | the error message to use |
public struct MockFault: Sendable, Hashable, CustomStringConvertible {
    public var status: Int?
    public var retryAfter: Int?
    public var latencyMs: Int = 0
    public var stallMs: Int?
    public var stallAfterChunks: Int?
    public var disconnectAfterChunks: Int?
    public var streamErrorAfterChunks: Int?
    public var message: String?

    public init(
        status: Int? = nil, retryAfter: Int? = nil, latencyMs: Int = 0, stallMs: Int? = nil, stallAfterChunks: Int? = nil,
        disconnectAfterChunks: Int? = nil, streamErrorAfterChunks: Int? = nil, message: String? = nil
    ) {
        self.status = status
        self.retryAfter = retryAfter
        self.latencyMs = latencyMs
        self.stallMs = stallMs
        self.stallAfterChunks = stallAfterChunks
        self.disconnectAfterChunks = disconnectAfterChunks
        self.streamErrorAfterChunks = streamErrorAfterChunks
        self.message = message
    }

    /// Parses `status=429; retry-after=30`.
    public init(parsing text: String) throws(MockFaultError) {
        self.init()
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                if parts.first?.isEmpty ?? true { continue }
                throw MockFaultError(text: "'\(pair)' is not key=value")
            }
            let key = parts[0].lowercased()
            if key == "message" {
                message = parts[1]
                continue
            }
            guard let number = Int(parts[1]), number >= 0 else { throw MockFaultError(text: "'\(parts[1])' is not a number for \(key)") }
            switch key {
            case "status": status = number
            case "retry-after": retryAfter = number
            case "latency": latencyMs = number
            case "stall": stallMs = number
            case "stall-after": stallAfterChunks = number
            case "disconnect-after": disconnectAfterChunks = number
            case "stream-error-after": streamErrorAfterChunks = number
            default: throw MockFaultError(text: "unknown fault key '\(key)'")
            }
        }
    }

    /// Whether the stall happens before the response head.
    var stallsBeforeHead: Bool { stallMs != nil && stallAfterChunks == nil }

    public var description: String {
        var parts: [String] = []
        if let status { parts.append("status=\(status)") }
        if let retryAfter { parts.append("retry-after=\(retryAfter)") }
        if latencyMs > 0 { parts.append("latency=\(latencyMs)") }
        if let stallMs { parts.append("stall=\(stallMs)") }
        if let stallAfterChunks { parts.append("stall-after=\(stallAfterChunks)") }
        if let disconnectAfterChunks { parts.append("disconnect-after=\(disconnectAfterChunks)") }
        if let streamErrorAfterChunks { parts.append("stream-error-after=\(streamErrorAfterChunks)") }
        if let message { parts.append("message=\(message)") }
        return parts.joined(separator: "; ")
    }
}

/// A fault description that could not be read.
public struct MockFaultError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var description: String { "invalid mock fault: \(text)" }
}
