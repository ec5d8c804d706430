/// Derives sticky-session keys for conversations that do not name themselves.
public enum ConversationKey {
    /// A stable key from the system prompt and the first user message (64-bit FNV-1a of each,
    /// combined, as 16 hex digits). The same conversation gives the same key on every turn, since
    /// those two never change as it grows.
    public static func derive(system: String?, firstUserMessage: String?) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        mix(system ?? "")
        mix("\u{1F}")  // a separator, so ("ab", "c") and ("a", "bc") differ
        mix(firstUserMessage ?? "")
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
