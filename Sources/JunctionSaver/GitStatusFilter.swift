/// `git status`, long and short: every state stays apart (staged, not staged, untracked, unmerged; added, deleted,
/// modified, renamed), git's `(use "git …")` hints go, and very long sections keep their first entries with the rest
/// counted by kind.
enum GitStatusFilter {
    /// Entries shown per section (long format) or in all (short format).
    static func cap(_ level: SaverLevel, short: Bool) -> Int {
        switch (level, short) {
        case (.aggressive, false): 25
        case (.aggressive, true): 60
        case (_, false): 80
        case (_, true): 200
        }
    }

    /// Compresses `d`, or nil when there is nothing to leave out.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        let shortLines = d.lines.count { isShortEntry($0) }
        if shortLines * 10 >= d.lines.count(where: { !LinePatterns.isBlank($0) }) * 8 { return short(d, level: level) }
        return long(d, level: level)
    }

    /// The long format.
    static func long(_ d: Document, level: SaverLevel) -> String? {
        let limit = cap(level, short: false)
        var writer = LineWriter()
        var hints = 0
        var section = ""
        var shown = 0
        var hidden: [Substring: Int] = [:]
        var hiddenOrder: [Substring] = []
        func flush(_ writer: inout LineWriter) {
            guard !hidden.isEmpty else { return }
            let total = hidden.values.reduce(0, +)
            let kinds = hiddenOrder.map { "\(hidden[$0]!) \($0)" }.joined(separator: ", ")
            writer.mark("\(total) more in “\(section)”: \(kinds)", indent: "\t")
            hidden = [:]
            hiddenOrder = []
        }
        for line in d.lines {
            if line.hasPrefix("  (use \"git ") || line.hasPrefix("  (commit or discard") || line.hasPrefix("  (fix conflicts") || line.hasPrefix("  (all conflicts") {
                hints += 1
                continue
            }
            if line.hasPrefix("\t") {
                shown += 1
                if shown > limit {
                    let kind = entryKind(line)
                    if hidden[kind] == nil { hiddenOrder.append(kind) }
                    hidden[kind, default: 0] += 1
                    continue
                }
                writer.keep(line)
                continue
            }
            flush(&writer)
            if line.hasSuffix(":"), !line.hasPrefix(" ") {
                section = String(line.dropLast())
                shown = 0
            }
            writer.keep(line)
        }
        flush(&writer)
        guard hints > 0 || writer.marked else { return nil }
        if hints > 0 { writer.mark("\(Marker.count(hints, "hint line")) of the form (use \"git …\") omitted") }
        return writer.joined(trailingNewline: d.endsWithNewline)
    }

    /// "modified", "new file", "deleted", … or "untracked" for a bare path.
    static func entryKind(_ line: Substring) -> Substring {
        let body = line.dropFirst()
        if let colon = body.firstIndex(of: ":"), body[..<colon].allSatisfy({ $0.isLetter || $0 == " " }), body[..<colon].count <= 16 {
            return body[..<colon]
        }
        return body.hasSuffix("/") ? "directories" : "files"
    }

    /// Whether `line` is a `git status -s` entry (`XY path`) or its `## branch` header.
    static func isShortEntry(_ line: Substring) -> Bool {
        if line.hasPrefix("## ") { return true }
        let u = Array(line.utf8.prefix(4))
        guard u.count == 4, u[2] == 0x20, u[3] != 0x20 else { return false }
        let codes = " MTADRCU?!".utf8
        return codes.contains(u[0]) && codes.contains(u[1]) && !(u[0] == 0x20 && u[1] == 0x20)
    }

    /// The short format: the first entries, then the rest counted by their two-letter code.
    static func short(_ d: Document, level: SaverLevel) -> String? {
        let limit = cap(level, short: true)
        let entries = d.lines.filter { isShortEntry($0) && !$0.hasPrefix("## ") }
        guard entries.count > limit else { return nil }
        var writer = LineWriter()
        var shown = 0
        var hidden: [Substring: Int] = [:]
        var order: [Substring] = []
        for line in d.lines {
            if isShortEntry(line), !line.hasPrefix("## ") {
                shown += 1
                if shown > limit {
                    let code = line.prefix(2)
                    if hidden[code] == nil { order.append(code) }
                    hidden[code, default: 0] += 1
                    continue
                }
            }
            writer.keep(line)
        }
        let kinds = order.map { "\(hidden[$0]!) “\($0)” (\(describe($0)))" }.joined(separator: ", ")
        writer.mark("\(entries.count - limit) more entries: \(kinds)")
        return writer.joined(trailingNewline: d.endsWithNewline)
    }

    /// Words for a short-format code: `" M"` → "modified, not staged".
    static func describe(_ code: Substring) -> String {
        let u = Array(code.utf8)
        if u == Array("??".utf8) { return "untracked" }
        if u == Array("!!".utf8) { return "ignored" }
        func word(_ b: UInt8) -> String {
            switch b {
            case 0x4D: "modified"
            case 0x54: "type changed"
            case 0x41: "added"
            case 0x44: "deleted"
            case 0x52: "renamed"
            case 0x43: "copied"
            case 0x55: "unmerged"
            default: ""
            }
        }
        var parts: [String] = []
        if u[0] != 0x20 { parts.append("\(word(u[0])) staged") }
        if u[1] != 0x20 { parts.append("\(word(u[1])) not staged") }
        return parts.joined(separator: ", ")
    }
}
