import Crypto
import Foundation

/// Seals short secrets (provider keys, tokens) with AES-256-GCM so they are encrypted at rest.
///
/// A sealed secret is a self-describing text token, `v1:` followed by the base64 of the nonce,
/// the ciphertext and the tag, so it fits in any text column and a later format can change the
/// prefix. Opening checks the tag: a token that was altered, or sealed with another key, is
/// refused with ``SecretError/unauthenticatedToken``.
///
/// ```swift
/// let box = try SecretBox.load(environment: ProcessInfo.processInfo.environment, dataDir: dataDir)
/// let stored = try box.seal(apiKey)      // "v1:q9c…"
/// let apiKey = try box.open(stored)
/// ```
public struct SecretBox: Sendable, CustomStringConvertible {
    /// The key size in bytes (AES-256).
    public static let keyByteCount = 32
    /// The prefix of tokens this version seals.
    static let prefix = "v1:"

    private let key: SymmetricKey

    /// A box around 32 key bytes.
    ///
    /// - Throws: ``SecretError/invalidKey`` when `keyBytes` is not 32 bytes long.
    public init(keyBytes: [UInt8]) throws {
        guard keyBytes.count == Self.keyByteCount else {
            throw SecretError.invalidKey("The secret key must be \(Self.keyByteCount) bytes, not \(keyBytes.count).")
        }
        key = SymmetricKey(data: keyBytes)
    }

    /// Never shows the key, so a box can be logged or printed safely.
    public var description: String { "SecretBox(key: redacted)" }

    /// Encrypts `plaintext` under a fresh random nonce; sealing the same text twice gives two different tokens.
    public func seal(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Array(plaintext.utf8), using: key)
        guard let combined = box.combined else { throw SecretError.malformedToken }  // only with a non-12-byte nonce
        return Self.prefix + combined.base64EncodedString()
    }

    /// Decrypts a token made by ``seal(_:)`` with the same key.
    ///
    /// - Throws: ``SecretError/malformedToken`` when `token` is not a `v1:` token;
    ///   ``SecretError/unauthenticatedToken`` when it was altered or sealed with another key.
    public func open(_ token: String) throws -> String {
        guard token.hasPrefix(Self.prefix),
            let combined = Data(base64Encoded: String(token.dropFirst(Self.prefix.count))),
            combined.count >= 12 + 16
        else { throw SecretError.malformedToken }
        let plaintext: Data
        do {
            plaintext = try AES.GCM.open(try AES.GCM.SealedBox(combined: combined), using: key)
        } catch {
            throw SecretError.unauthenticatedToken
        }
        guard let text = String(data: plaintext, encoding: .utf8) else { throw SecretError.malformedToken }
        return text
    }

    /// A masked form of `secret` for display: `…` and its last 4 characters, or `…` alone when
    /// the secret is shorter than 12 characters (so that most of a short secret is never shown).
    public static func hint(for secret: String) -> String {
        secret.count < 12 ? "…" : "…" + secret.suffix(4)
    }
}
