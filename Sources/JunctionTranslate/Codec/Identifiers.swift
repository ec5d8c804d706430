import Foundation

/// Fresh ids for responses and tool calls, unique across turns.
enum Identifiers {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// `prefix` followed by 24 random alphanumerics.
    static func make(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + String((0..<24).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The provider's id when it already looks like one of the client's format, else a fresh one with `prefix`,
    /// so that a client never sees another format's id shape.
    static func client(_ id: String, prefix: String) -> String {
        id.hasPrefix(prefix) ? id : make(prefix)
    }

    /// The current Unix time in seconds.
    static func now() -> Int { Int(Date().timeIntervalSince1970) }
}
