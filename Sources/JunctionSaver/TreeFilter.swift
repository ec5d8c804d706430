/// `tree` output: redrawn with two-space indentation instead of box-drawing glyphs (directories end with `/`),
/// and directories with very many entries keep their first ones. The root and the summary line are kept.
enum TreeFilter {
    /// Entries kept per directory.
    static func cap(_ level: SaverLevel) -> Int { level == .aggressive ? 15 : 60 }

    /// The drawing units `tree` puts before a name, each one level deep.
    static let units: [StaticString] = ["├── ", "└── ", "│\u{a0}\u{a0} ", "│   ", "    ", "|-- ", "`-- ", "|   "]

    /// Splits a line into depth and name; nil when it has no tree drawing.
    static func parse(_ line: Substring) -> (depth: Int, name: Substring)? {
        var rest = line
        var depth = 0
        var matched = true
        while matched {
            matched = false
            for unit in units where rest.begins(unit) {
                rest = Substring(rest.utf8.dropFirst(unit.utf8CodeUnitCount))
                depth += 1
                matched = true
                break
            }
        }
        return depth > 0 && !rest.isEmpty ? (depth, rest) : nil
    }

    /// Compresses `d`, or nil when it is not a tree.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        let parsed = d.lines.map(parse)
        guard parsed.count(where: { $0 != nil }) >= 3 else { return nil }
        let limit = cap(level)
        var writer = LineWriter()
        writer.mark("tree redrawn with two-space indentation; directories end with /")
        var siblings: [Int] = [0]  // entries seen at each depth under the current parent
        var hidden: [Int] = [0]
        var hiding = Int.max  // depth at or below which lines are hidden
        func closeLevels(above depth: Int, _ writer: inout LineWriter) {
            while siblings.count > depth + 1 {
                let level = siblings.count - 1
                if hidden[level] > 0 {
                    writer.mark("\(hidden[level]) more entries", indent: Substring(String(repeating: "  ", count: level)))
                }
                siblings.removeLast()
                hidden.removeLast()
            }
        }
        for (i, line) in d.lines.enumerated() {
            if i & 4095 == 0 { try deadline.check() }
            guard let (depth, name) = parsed[i] else {
                closeLevels(above: 0, &writer)
                siblings = [0]
                hidden = [0]
                hiding = Int.max
                writer.keep(line)
                continue
            }
            closeLevels(above: depth, &writer)
            while siblings.count <= depth { siblings.append(0); hidden.append(0) }
            if depth > hiding { continue }
            hiding = Int.max
            siblings[depth] += 1
            if siblings[depth] > limit {
                hidden[depth] += 1
                hiding = depth
                continue
            }
            let isDirectory = i + 1 < d.lines.count && (parsed[i + 1]?.depth ?? 0) > depth
            let indent = String(repeating: "  ", count: depth)
            writer.keep(Substring(indent + name + (isDirectory && !name.hasSuffix("/") ? "/" : "")))
        }
        closeLevels(above: 0, &writer)
        return writer.joined(trailingNewline: d.endsWithNewline)
    }
}
