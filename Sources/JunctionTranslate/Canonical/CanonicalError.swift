/// An error as a status, a message and a type, whatever format reported it.
public struct CanonicalError: Sendable, Hashable, Error {
    /// The HTTP status it corresponds to.
    public var status: Int
    /// The human-readable message.
    public var message: String
    /// The provider's error type or code, when given (`rate_limit_error`, `RESOURCE_EXHAUSTED`).
    public var type: String?

    /// An error with the given status and message.
    public init(status: Int, message: String, type: String? = nil) {
        self.status = status
        self.message = message
        self.type = type
    }
}
