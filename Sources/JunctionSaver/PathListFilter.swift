/// Lists of paths (`find`, `fd`, `grep -l`, `rg --files`, `rg -c`, `git ls-files`, Glob tools): grouped by directory,
/// so each directory is written once followed by its entries; very full directories keep their first entries.
enum PathListFilter {
    /// Entries written per directory before the rest are counted.
    static func cap(_ level: SaverLevel) -> Int { level == .aggressive ? 20 : 100 }

    /// Compresses `d`, or nil when grouping would not help.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        var order: [Substring] = []
        var index: [ByteKey: Int] = [:]
        var groups: [[Substring]] = []
        var verbatim: [Substring] = []
        var total = 0
        for (i, line) in d.lines.enumerated() {
            if i & 4095 == 0 { try deadline.check() }
            if LinePatterns.isBlank(line) { continue }
            guard LinePatterns.isPathLike(line), let slash = line.lastIndex(of: "/"), line.index(after: slash) != line.endIndex else {
                verbatim.append(line)
                continue
            }
            let directory = line[...slash]
            let name = line[line.index(after: slash)...]
            let key = ByteKey(directory)
            if let at = index[key] {
                groups[at].append(name)
            } else {
                index[key] = groups.count
                groups.append([name])
                order.append(directory)
            }
            total += 1
        }
        guard total >= 3, order.count < total else { return nil }
        let limit = cap(level)
        var writer = LineWriter()
        writer.mark("\(Marker.count(total, "path")) grouped by directory: each line is a directory, then its entries")
        for (at, directory) in order.enumerated() {
            let names = groups[at]
            if names.count == 1 {
                writer.keep(Substring("\(directory)\(names[0])"))
                continue
            }
            let shown = names.prefix(limit)
            writer.keep(Substring("\(directory) " + shown.joined(separator: " ")))
            if names.count > limit { writer.mark("\(names.count - limit) more entries in \(directory)") }
        }
        for line in verbatim { writer.keep(line) }
        return writer.joined(trailingNewline: d.endsWithNewline)
    }
}
