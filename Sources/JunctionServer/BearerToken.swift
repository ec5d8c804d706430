import Foundation

/// The token of an `Authorization: Bearer TOKEN` header.
enum BearerToken {
    /// The token, or `nil` when the header is missing, of another scheme, or empty.
    static func from(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
