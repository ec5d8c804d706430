import Crypto
import Foundation

/// AES-GCM sealing of provider secrets (placeholder until the vault lands).
public struct SecretBox: Sendable {
    let key: SymmetricKey

    public init(key: SymmetricKey) { self.key = key }

    public func seal(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key)
        return "v1:" + (box.combined ?? Data()).base64EncodedString()
    }

    public func open(_ token: String) throws -> String {
        guard token.hasPrefix("v1:"), let data = Data(base64Encoded: String(token.dropFirst(3))) else {
            throw StoreError(message: "not a sealed secret")
        }
        return String(decoding: try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key), as: UTF8.self)
    }

    public static func hint(for secret: String) -> String { secret.count < 12 ? "…" : "…" + secret.suffix(4) }

    public static func load(environment: [String: String], dataDir: String) throws -> SecretBox {
        SecretBox(key: SymmetricKey(size: .bits256))
    }
}
