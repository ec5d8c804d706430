public import Hummingbird
public import NIOCore

/// The per-request context: Hummingbird's core storage plus the client key that authenticated.
public struct JunctionRequestContext: RequestContext {
    /// Request bodies up to this size are read; larger ones get 413.
    public static let maximumBodySize = 32 << 20

    public var coreContext: CoreRequestContextStorage
    /// The name of the client key presented, once the authenticator has checked it.
    public var clientKeyName: String?
    /// The peer's address, for routes only this machine may use.
    public let remoteAddress: SocketAddress?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Whether the request came from this machine (127.0.0.0/8 or ::1).
    public var isFromLoopback: Bool {
        guard let ip = remoteAddress?.ipAddress else { return false }
        return ip.hasPrefix("127.") || ip == "::1" || ip.hasPrefix("::ffff:127.")
    }

    public var maxUploadSize: Int { Self.maximumBodySize }
}
