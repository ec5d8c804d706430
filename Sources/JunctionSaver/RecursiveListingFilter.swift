/// `ls -R`: each directory's entries are written on one line after its `dir:` heading (names with spaces keep one
/// line each), and very full directories keep their first entries with the rest counted.
enum RecursiveListingFilter {
    /// Entries kept per directory section.
    static func cap(_ level: SaverLevel) -> Int { level == .aggressive ? 25 : 150 }

    /// Compresses `d`, or nil when it is not an `ls -R` listing.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        if d.lines.count(where: LinePatterns.isLongListingRow) >= d.lines.count / 2 {
            return try ListingFilter.apply(d, level: level, deadline: deadline)
        }
        let limit = cap(level)
        var writer = LineWriter()
        writer.mark("ls -R listing: each directory heading is followed by its entries on one line")
        var section: Substring = "."
        var names: [Substring] = []
        var sections = 0
        func flush(_ writer: inout LineWriter) {
            defer { names = [] }
            guard !names.isEmpty else { return }
            let shown = names.prefix(limit)
            if shown.contains(where: { $0.contains(" ") }) {
                writer.keep(shown)
            } else {
                writer.keep(Substring(shown.joined(separator: " ")))
            }
            if names.count > limit { writer.mark("\(names.count - limit) more entries in \(section)") }
        }
        for (i, line) in d.lines.enumerated() {
            if i & 4095 == 0 { try deadline.check() }
            if LinePatterns.isBlank(line) { continue }
            if line.hasSuffix(":"), names.isEmpty || i > 0 && LinePatterns.isBlank(d.lines[i - 1]) {
                flush(&writer)
                section = line.dropLast()
                sections += 1
                writer.keep(line)
                continue
            }
            names.append(line)
        }
        flush(&writer)
        return sections >= 2 ? writer.joined(trailingNewline: d.endsWithNewline) : nil
    }
}
