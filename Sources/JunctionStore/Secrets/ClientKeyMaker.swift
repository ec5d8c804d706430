import Crypto
import Foundation

/// Makes client keys and hashes them; only the hash is ever stored.
public enum ClientKeyMaker {
    /// A new key (`jk-…`), its public id, its hash and its display prefix.
    public static func make() -> (key: String, id: String, hash: String, prefix: String) {
        let key = "jk-" + randomBase64URL(bytes: 32)
        let id = "key_" + (0..<6).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        return (key, id, hash(key), String(key.prefix(10)))
    }

    /// Lowercase hex SHA-256 of a key.
    public static func hash(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func randomBase64URL(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
