import Crypto
import CryptoExtras
import Foundation

/// Hashes and verifies admin passwords with PBKDF2-HMAC-SHA256.
///
/// The encoding carries its own parameters, `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`,
/// so the iteration count can rise later while older hashes still verify.
///
/// ```swift
/// let stored = try PasswordHasher().hash(password: "correct horse battery")
/// PasswordHasher().verify(password: attempt, encoded: stored)   // true or false
/// ```
public struct PasswordHasher: Sendable {
    /// The fewest characters a password may have.
    public static let minimumLength = 8
    /// OWASP's figure for PBKDF2-HMAC-SHA256 (2023).
    public static let defaultIterations = 210_000
    /// The most iterations ``verify(password:encoded:)`` will run, so a garbled stored value cannot hang a login.
    static let maximumIterations = 10_000_000
    static let scheme = "pbkdf2-sha256"
    static let saltByteCount = 16
    static let hashByteCount = 32

    /// The iteration count new hashes use; lower it only in tests.
    public let iterations: Int

    /// A hasher that uses `iterations` rounds for new hashes.
    public init(iterations: Int = Self.defaultIterations) {
        self.iterations = max(1, min(iterations, Self.maximumIterations))
    }

    /// The encoded hash of `password`, with a fresh 16-byte salt.
    ///
    /// - Throws: ``SecretError/passwordTooShort`` for fewer than ``minimumLength`` characters.
    public func hash(password: String) throws -> String {
        guard password.count >= Self.minimumLength else { throw SecretError.passwordTooShort }
        let salt = SecureRandom.bytes(Self.saltByteCount)
        let derived = try Self.derive(password: password, salt: salt, iterations: iterations)
        return [Self.scheme, String(iterations), Data(salt).base64EncodedString(), Data(derived).base64EncodedString()]
            .joined(separator: "$")
    }

    /// Whether `password` matches `encoded`, comparing in constant time. An encoding that is not
    /// ours, or is garbled, never matches.
    public func verify(password: String, encoded: String) -> Bool {
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == Self.scheme,
            let rounds = Int(fields[1]), rounds >= 1, rounds <= Self.maximumIterations,
            let salt = Data(base64Encoded: String(fields[2])), !salt.isEmpty,
            let expected = Data(base64Encoded: String(fields[3])), expected.count == Self.hashByteCount,
            let derived = try? Self.derive(password: password, salt: Array(salt), iterations: rounds)
        else { return false }
        return ConstantTime.equals(derived, Array(expected))
    }

    private static func derive(password: String, salt: [UInt8], iterations: Int) throws -> [UInt8] {
        // The checked `rounds:` variant refuses fewer than 210,000; tests and older hashes use fewer.
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: hashByteCount,
            unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }
}
