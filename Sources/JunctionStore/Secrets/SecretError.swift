/// Why a secret could not be sealed, opened, hashed or loaded.
///
/// The message says what went wrong and how to fix it; it never contains a secret, a key or a
/// plaintext. Two errors are equal when they are of the same kind, whatever their message.
public struct SecretError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case malformedToken
        case unauthenticatedToken
        case invalidKey
        case insecureKeyFile
        case keyFileUnusable
        case passwordTooShort
    }

    private let code: Code
    /// What went wrong and how to fix it, safe to log and show.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    public static func == (lhs: SecretError, rhs: SecretError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// The text is not a sealed token this version understands.
    public static let malformedToken = SecretError(
        .malformedToken, "The stored secret is not a sealed token (expected \"v1:\" followed by base64).")

    /// The token was altered, or sealed with another key.
    public static let unauthenticatedToken = SecretError(
        .unauthenticatedToken,
        "The stored secret could not be authenticated: it was altered, or sealed with a different secret key "
            + "(check JUNCTION_SECRET_KEY or the secret.key file in the data folder).")

    /// The configured key is not 32 bytes in a form we read.
    public static func invalidKey(_ message: String) -> SecretError { SecretError(.invalidKey, message) }
    /// Kind-only value for comparisons: `error == .invalidKey`.
    public static let invalidKey = invalidKey("The secret key is invalid.")

    /// The key file can be read or written by other users.
    public static func insecureKeyFile(_ message: String) -> SecretError { SecretError(.insecureKeyFile, message) }
    /// Kind-only value for comparisons: `error == .insecureKeyFile`.
    public static let insecureKeyFile = insecureKeyFile("The secret key file is readable by other users.")

    /// The key file or data folder could not be created or read.
    public static func keyFileUnusable(_ message: String) -> SecretError { SecretError(.keyFileUnusable, message) }
    /// Kind-only value for comparisons: `error == .keyFileUnusable`.
    public static let keyFileUnusable = keyFileUnusable("The secret key file could not be used.")

    /// A password shorter than ``PasswordHasher/minimumLength``.
    public static let passwordTooShort = SecretError(
        .passwordTooShort, "The password is too short: use at least \(PasswordHasher.minimumLength) characters.")
}
