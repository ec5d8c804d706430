import Crypto

/// Dashboard session tokens: the browser holds the token, the store only its digest.
public enum SessionToken {
    /// A new token: 32 random bytes in base64url without padding.
    public static func make() -> String {
        SecureRandom.base64URL(SecureRandom.bytes(32))
    }

    /// The lowercase hex SHA-256 of `token`, the only form that is stored.
    public static func digest(_ token: String) -> String {
        SecureRandom.hex(SHA256.hash(data: Array(token.utf8)))
    }
}
