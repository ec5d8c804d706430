/// Estimates how many tokens a BPE tokenizer (cl100k/o200k-like) would split a text into, without a vocabulary.
///
/// The text is cut into the same kind of pre-tokens a BPE tokenizer's splitter produces, and each is priced:
/// - a run of letters is split at case changes (`EventLoopFuture` → `Event` `Loop` `Future`); each piece costs
///   one token per six letters, rounded up, since common pieces are whole vocabulary entries;
/// - a run of digits costs one token per three digits (tokenizers split numbers in groups of three);
/// - one space before a word, number or symbol is free (it is merged into the next token);
///   longer runs of spaces or tabs cost one token per sixteen characters, rounded up; a run of newlines costs one;
/// - a run of ASCII punctuation costs one token per two characters, rounded up, except runs of one
///   repeated character (`=====`, `-----`), which cost one token per eight;
/// - any other character (box drawing, arrows, accented or CJK letters, emoji) costs one token,
///   except runs of one repeated character, which cost one per four.
///
/// It is an estimate for reporting savings, not calibrated against a real vocabulary (none is available offline);
/// it is deterministic, never counts a text as cheaper than its word and number pieces, and runs at several hundred MB/s.
public enum TokenEstimator {
    /// Returns the estimated token count of `text`.
    public static func estimate(_ text: String) -> Int {
        var copy = text
        return copy.withUTF8 { estimate(bytes: $0) }
    }

    /// Byte classes: 1 lower-case letter, 2 upper-case letter, 3 digit, 4 space or tab, 5 newline, 6 punctuation, 7 non-ASCII.
    static let classes: [UInt8] = (0..<256).map { b -> UInt8 in
        let c = UInt8(b)
        if c >= 0x61 && c <= 0x7A { return 1 }
        if c >= 0x41 && c <= 0x5A { return 2 }
        if c >= 0x30 && c <= 0x39 { return 3 }
        if c == 0x20 || c == 0x09 { return 4 }
        if c == 0x0A || c == 0x0D { return 5 }
        if c < 0x80 { return c > 0x20 && c < 0x7F ? 6 : 4 }
        return 7
    }

    /// Returns the estimated token count of UTF-8 `bytes`.
    static func estimate(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        classes.withUnsafeBufferPointer { table in count(bytes, table) }
    }

    /// The pricing loop over classified bytes.
    @inline(__always) static func count(_ bytes: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<UInt8>) -> Int {
        var tokens = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let kind = table[Int(b)]
            switch kind {
            case 1, 2:
                var pieceLength = 1
                var previousLower = kind == 1
                i += 1
                while i < n {
                    let k = table[Int(bytes[i])]
                    if k == 1 {
                        previousLower = true
                    } else if k == 2 {
                        if previousLower {
                            tokens += (pieceLength + 5) / 6
                            pieceLength = 0
                        }
                        previousLower = false
                    } else {
                        break
                    }
                    pieceLength += 1
                    i += 1
                }
                tokens += (pieceLength + 5) / 6
            case 3:
                var length = 0
                while i < n, table[Int(bytes[i])] == 3 { length += 1; i += 1 }
                tokens += (length + 2) / 3
            case 4:
                var length = 0
                while i < n, table[Int(bytes[i])] == 4 { length += 1; i += 1 }
                if length == 1, i < n, table[Int(bytes[i])] != 5 { continue }
                tokens += (length + 15) / 16
            case 5:
                while i < n, table[Int(bytes[i])] == 5 { i += 1 }
                tokens += 1
            case 6:
                var length = 1
                var same = true
                i += 1
                while i < n, table[Int(bytes[i])] == 6 {
                    if bytes[i] != b { same = false }
                    length += 1
                    i += 1
                }
                tokens += (same && length >= 3) ? (length + 7) / 8 : (length + 1) / 2
            default:
                let start = i
                let width = scalarWidth(b)
                i += width
                var count = 1
                while i + width <= n, bytesEqual(bytes, start, i, width) { count += 1; i += width }
                tokens += count >= 3 ? (count + 3) / 4 : count
                while i < n, bytes[i] & 0xC0 == 0x80 { i += 1 }
            }
        }
        return tokens
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isPunctuation(_ b: UInt8) -> Bool {
        b > 0x20 && b < 0x7F && !isLetter(b) && !(b >= 0x30 && b <= 0x39)
    }
    @inline(__always) static func scalarWidth(_ lead: UInt8) -> Int {
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1
    }
    @inline(__always) static func bytesEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ width: Int) -> Bool {
        for k in 0..<width where bytes[a + k] != bytes[b + k] { return false }
        return true
    }
}
