import Crypto
import CryptoExtras
import Foundation

/// PBKDF2 password hashes (placeholder until the vault lands).
public struct PasswordHasher: Sendable {
    public var iterations: Int
    public init(iterations: Int = 210_000) { self.iterations = iterations }

    public func hash(password: String) throws -> String {
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Data(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: iterations)
        return "pbkdf2-sha256$\(iterations)$\(salt.base64EncodedString())$\(key.withUnsafeBytes { Data($0) }.base64EncodedString())"
    }

    public func verify(password: String, encoded: String) -> Bool {
        let parts = encoded.split(separator: "$")
        guard parts.count == 4, let rounds = Int(parts[1]), let salt = Data(base64Encoded: String(parts[2])),
            let expected = Data(base64Encoded: String(parts[3])),
            let key = try? KDF.Insecure.PBKDF2.deriveKey(from: Data(password.utf8), salt: salt, using: .sha256, outputByteCount: expected.count, unsafeUncheckedRounds: rounds)
        else { return false }
        return key.withUnsafeBytes { Data($0) } == expected
    }
}
