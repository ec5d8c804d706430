/// File reads (numbered like `cat -n` and the Read tools, or plain): kept exactly as they are, because the model
/// edits by line, unless huge; then only the middle is left out, with a marker giving the line range.
enum ReadFilter {
    /// Lines above which a read is thinned, and how many lines of head and tail are kept.
    static func limits(_ level: SaverLevel) -> (threshold: Int, head: Int, tail: Int) {
        level == .aggressive ? (800, 300, 100) : (2000, 700, 200)
    }

    /// Compresses `d`, or nil when the read is not huge.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        let (threshold, head, tail) = limits(level)
        guard d.lines.count > threshold else { return nil }
        let omittedStart = head
        let omittedEnd = d.lines.count - tail
        let firstNumber = LinePatterns.readLineNumber(d.lines[omittedStart])
        let lastNumber = LinePatterns.readLineNumber(d.lines[omittedEnd - 1])
        let range: String
        if let firstNumber, let lastNumber {
            range = "file lines \(firstNumber)–\(lastNumber)"
        } else {
            range = "lines \(omittedStart + 1)–\(omittedEnd) of the output"
        }
        var writer = LineWriter()
        writer.keep(d.lines[..<omittedStart])
        writer.mark("\(omittedEnd - omittedStart) lines omitted (\(range)); the \(d.lines.count)-line read continues below")
        writer.keep(d.lines[omittedEnd...])
        return writer.joined(trailingNewline: d.endsWithNewline)
    }
}
