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

/// Collects output lines and markers and joins them.
struct LineWriter: Sendable {
    private(set) var lines: [Substring] = []
    /// Whether a marker was written (so the output is recognisably compressed).
    private(set) var marked = false

    /// Appends a line verbatim.
    mutating func keep(_ line: Substring) { lines.append(line) }

    /// Appends lines verbatim.
    mutating func keep(_ slice: ArraySlice<Substring>) { lines.append(contentsOf: slice) }

    /// Appends an omission marker, e.g. `… 12 more matches in Foo.swift …`.
    mutating func mark(_ what: String, indent: Substring = "") {
        lines.append(Substring(Marker.line(what, indent: indent)))
        marked = true
    }

    /// Joins the lines with `\n`, ending with one if `trailingNewline`.
    func joined(trailingNewline: Bool) -> String {
        var size = lines.count
        for line in lines { size += line.utf8.count }
        var out = String()
        out.reserveCapacity(size)
        for (i, line) in lines.enumerated() {
            if i > 0 { out.append("\n") }
            out.append(contentsOf: line)
        }
        if trailingNewline { out.append("\n") }
        return out
    }
}

/// Omission markers: `… what was left out …`, always on a line of their own.
enum Marker {
    /// A marker line for `what`, indented like the lines around it.
    static func line(_ what: String, indent: Substring = "") -> String { "\(indent)… \(what) …" }

    /// Whether `line` is a marker written by the saver.
    static func isMarker(_ line: Substring) -> Bool {
        var trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.begins("\"") { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == "," || last == "\"" || last == " " { trimmed = trimmed.dropLast() }
        return trimmed.begins("… ") && trimmed.hasSuffix(" …") && trimmed.count > 4
    }

    /// Whether `text` already carries saver markers (then it is not compressed again, which keeps the saver idempotent).
    static func isCompressed(_ document: Document) -> Bool {
        var text = document.text
        let hasEllipsis = text.withUTF8 { bytes -> Bool in
            var i = 0
            let n = bytes.count
            while i + 3 < n {  // "… " is E2 80 A6 20
                if bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA6, bytes[i + 3] == 0x20 { return true }
                i += 1
            }
            return false
        }
        guard hasEllipsis else { return false }
        for line in document.lines where line.has("… ") {
            if isMarker(line) { return true }
            if line.has("\"… "), line.has(" …\"") { return true }
        }
        return false
    }

    /// "1 file" / "3 files".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        n == 1 ? "1 \(singular)" : "\(n) \(plural ?? singular + "s")"
    }
}
