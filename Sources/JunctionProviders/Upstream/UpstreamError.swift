/// A failure to get a response from a provider, classified for the fallback decision.
public struct UpstreamError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it was.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String { case connect, firstByteTimeout, idleTimeout, connectionClosed, invalidRequest, other }
        private let code: Code

        /// The connection could not be made.
        public static let connect = Kind(code: .connect)
        /// No response head arrived within the first-byte timeout.
        public static let firstByteTimeout = Kind(code: .firstByteTimeout)
        /// The body stalled longer than the idle timeout between chunks.
        public static let idleTimeout = Kind(code: .idleTimeout)
        /// The provider closed the connection before the response ended.
        public static let connectionClosed = Kind(code: .connectionClosed)
        /// The request could not be built (a bad URL).
        public static let invalidRequest = Kind(code: .invalidRequest)
        /// Anything else on the transport.
        public static let other = Kind(code: .other)

        public var description: String { code.rawValue }
        /// Whether this was a timeout of either kind.
        public var isTimeout: Bool { code == .firstByteTimeout || code == .idleTimeout }
    }

    public var kind: Kind
    /// A short explanation without secrets, safe for logs and clients.
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind): \(message)" }
}
