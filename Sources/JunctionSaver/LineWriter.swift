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
