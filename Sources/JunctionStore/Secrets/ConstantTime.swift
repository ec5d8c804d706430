import Crypto

/// Comparisons whose running time does not depend on where two secrets differ.
public enum ConstantTime {
    /// Whether two byte sequences are equal, looking at every byte of the shorter length.
    ///
    /// The length is not secret here; compare strings of secret length with the `String` overload.
    public static func equals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count)
        for index in 0..<min(lhs.count, rhs.count) { difference |= lhs[index] ^ rhs[index] }
        return difference == 0 && lhs.count == rhs.count
    }

    /// Whether two strings are equal, comparing SHA-256 digests so neither content nor length leaks
    /// through timing. Use it for bearer tokens and other presented secrets.
    public static func equals(_ lhs: String, _ rhs: String) -> Bool {
        equals(Array(SHA256.hash(data: Array(lhs.utf8))), Array(SHA256.hash(data: Array(rhs.utf8))))
    }
}
