/// A request or response that cannot be translated, with a message fit to show the client (HTTP 400).
public struct TranslationError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Sendable, Hashable {
        case invalidBody
        case missingField
        case unsupported
        case invalidStream
    }

    private let code: Code
    /// The client-presentable message.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The HTTP status to answer with.
    public var status: Int { 400 }

    public var description: String { message }

    /// The body is not the shape its format requires.
    public static func invalidBody(_ message: String) -> Self { Self(.invalidBody, message) }
    /// A required field is missing.
    public static func missingField(_ field: String) -> Self { Self(.missingField, "missing required field '\(field)'") }
    /// The request uses something the target format cannot express.
    public static func unsupported(_ message: String) -> Self { Self(.unsupported, message) }
    /// A stream event could not be understood.
    public static func invalidStream(_ message: String) -> Self { Self(.invalidStream, message) }

    /// Whether this error says the target cannot express something.
    public var isUnsupported: Bool { code == .unsupported }
}
