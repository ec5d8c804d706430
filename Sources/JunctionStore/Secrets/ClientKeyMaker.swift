import Crypto

/// Makes client keys (`jk-…`), which are shown once and stored only as a SHA-256 hash.
public enum ClientKeyMaker {
    /// The prefix of every client key.
    public static let keyPrefix = "jk-"
    /// How many leading characters of a key are kept in clear to tell keys apart in lists.
    public static let displayPrefixLength = 10

    /// A new key: `key` is `jk-` and 32 random bytes in base64url (show it once, never store it),
    /// `id` is `key_` and 12 random hex digits, `hash` is the lowercase hex SHA-256 of the key
    /// (store it), `prefix` is the key's first 10 characters (store it, to show in lists).
    public static func make() -> (key: String, id: String, hash: String, prefix: String) {
        let key = keyPrefix + SecureRandom.base64URL(SecureRandom.bytes(32))
        let id = "key_" + SecureRandom.hex(SecureRandom.bytes(6))
        return (key, id, hash(key), String(key.prefix(displayPrefixLength)))
    }

    /// The lowercase hex SHA-256 of a presented key, to look up its stored hash.
    public static func hash(_ key: String) -> String {
        SecureRandom.hex(SHA256.hash(data: Array(key.utf8)))
    }
}
