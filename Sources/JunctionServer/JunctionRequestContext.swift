public import Hummingbird

/// The per-request context: Hummingbird's core storage plus the client key that authenticated.
public struct JunctionRequestContext: RequestContext {
    /// Request bodies up to this size are read; larger ones get 413.
    public static let maximumBodySize = 32 << 20

    public var coreContext: CoreRequestContextStorage
    /// The name of the client key presented, once the authenticator has checked it.
    public var clientKeyName: String?
    /// Set by the gateway routes so that the request log leaves their line to the gateway.
    public var isLoggedByGateway = false

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { Self.maximumBodySize }
}
