/// A tool output cut into lines once, shared by the classifier and the filters.
struct Document: Sendable {
    /// The whole text (after noise removal).
    let text: String
    /// The lines, without their `\n`.
    let lines: [Substring]
    /// Whether the text ended with a newline, so the output can end the same way.
    let endsWithNewline: Bool

    /// Splits `text` into lines on `\n`.
    init(_ text: String) {
        self.text = text
        var copy = text
        let newlines: [Int] = copy.withUTF8 { bytes in
            var found: [Int] = []
            found.reserveCapacity(bytes.count / 40)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0A { found.append(i) }
                i += 1
            }
            return found
        }
        let utf8 = text.utf8
        let count = utf8.count
        var lines = [Substring]()
        lines.reserveCapacity(newlines.count + 1)
        var start = 0
        var startIndex = utf8.startIndex
        for offset in newlines {
            let endIndex = utf8.index(startIndex, offsetBy: offset - start)
            lines.append(Substring(utf8[startIndex..<endIndex]))
            start = offset + 1
            startIndex = utf8.index(after: endIndex)
        }
        endsWithNewline = start == count && count > 0
        if start < count { lines.append(Substring(utf8[startIndex...])) }
        self.lines = lines
    }
}
