import Foundation

/// Fresh ids for responses and tool calls, unique across turns.
enum Identifiers {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// `prefix` followed by 24 random alphanumerics.
    static func make(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + String((0..<24).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The current Unix time in seconds.
    static func now() -> Int { Int(Date().timeIntervalSince1970) }
}
