/// `git log` (with or without `--stat`, or one line per commit): commit headers and messages are kept; stat lists
/// are capped per commit; very long logs keep their newest commits (fewer at the aggressive level).
enum GitLogFilter {
    /// Commits (or `--oneline` lines) shown before the rest are counted.
    static func cap(_ level: SaverLevel) -> (commits: Int, oneline: Int) {
        level == .aggressive ? (25, 60) : (60, 250)
    }

    /// Compresses `d`, or nil when nothing could be left out.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        let starts = d.lines.indices.filter { isCommitLine(d.lines[$0]) }
        guard !starts.isEmpty else { return oneline(d, level: level) }
        let (commitCap, _) = cap(level)
        let shownEnd = starts.count > commitCap ? starts[commitCap] : d.lines.count
        var diff = DiffWriter(limits: GitDiffFilter.limits(level), lines: Array(d.lines[..<shownEnd]))
        try diff.run(deadline: deadline)
        var writer = diff.writer
        if shownEnd < d.lines.count {
            let rest = starts.count - commitCap
            let last = d.lines[starts[starts.count - 1]].split(separator: " ").dropFirst().first ?? ""
            writer.mark("\(Marker.count(rest, "older commit")) omitted, the oldest being \(last.prefix(12))")
        }
        guard writer.marked else { return nil }
        return writer.joined(trailingNewline: d.endsWithNewline)
    }

    /// Whether `line` starts a commit (`commit <hash>`, possibly after `--graph` drawing).
    static func isCommitLine(_ line: Substring) -> Bool {
        let body = line.drop { $0 == "*" || $0 == "|" || $0 == " " || $0 == "\\" || $0 == "/" }
        guard body.hasPrefix("commit ") else { return false }
        let hash = body.dropFirst(7).prefix { !$0.isWhitespace }
        return hash.count >= 7 && hash.allSatisfy(\.isHexDigit)
    }

    /// `git log --oneline` and similar: the first lines, the rest counted.
    static func oneline(_ d: Document, level: SaverLevel) -> String? {
        let (_, limit) = cap(level)
        guard d.lines.count > limit else { return nil }
        var writer = LineWriter()
        writer.keep(d.lines[..<limit])
        writer.mark("\(Marker.count(d.lines.count - limit, "older line")) omitted")
        return writer.joined(trailingNewline: d.endsWithNewline)
    }
}

extension Substring {
    /// The substring without trailing spaces.
    func trimmingSpaces() -> Substring {
        var s = self
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
