/// How an upstream attempt failed, as the gateway observed it: the raw facts, before classification.
public struct AttemptFailure: Sendable, Hashable, Codable {
    /// The HTTP status, if a response head arrived (a 200 for errors inside a stream).
    public var status: Int?
    /// The response header fields, if any.
    public var headers: HeaderFields
    /// The first bytes of the error body or of the stream's error event, as text (a few KB at most).
    public var body: String
    /// The transport-level failure, if the failure was not an HTTP error status.
    public var transport: TransportFailure?
    /// Where in the exchange the failure happened.
    public var phase: AttemptPhase

    /// Creates a failure record.
    public init(
        status: Int? = nil,
        headers: HeaderFields = .empty,
        body: String = "",
        transport: TransportFailure? = nil,
        phase: AttemptPhase = .response
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.transport = transport
        self.phase = phase
    }

    /// An HTTP error response.
    public static func http(_ status: Int, headers: HeaderFields = .empty, body: String = "") -> AttemptFailure {
        AttemptFailure(status: status, headers: headers, body: body, phase: .response)
    }

    /// A transport failure without an HTTP error status.
    public static func transport(_ kind: TransportFailure, body: String = "", phase: AttemptPhase = .connect) -> AttemptFailure {
        AttemptFailure(status: nil, body: body, transport: kind, phase: phase)
    }
}

/// A failure below or beside HTTP status codes.
public enum TransportFailure: String, Sendable, Hashable, Codable, CaseIterable {
    /// No response head in time.
    case timeout
    /// The connection could not be made or was reset.
    case connection
    /// The stream stopped sending before the first real content, past the idle timeout.
    case stall
    /// The stream ended with no content at all.
    case emptyStream = "empty"
    /// An `error` event (or an embedded error body) inside a 200 response.
    case streamError = "stream-error"
}

/// Where in an exchange an attempt failed.
public enum AttemptPhase: String, Sendable, Hashable, Codable, CaseIterable {
    /// Before a response head: DNS, connect, TLS, request upload.
    case connect
    /// At the response head (an error status).
    case response
    /// Inside a 200 stream, before the first real content was committed to the client.
    case streamBeforeContent = "stream"
    /// After content reached the client: no failover is possible any more, but health still learns.
    case afterCommit = "committed"
}
