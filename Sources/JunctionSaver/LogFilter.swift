/// Logs: lines that differ only in timestamps, ids and numbers are one pattern; each pattern keeps its first
/// occurrences and its last, the others are counted where they were. Every problem line (error, warning, exception…)
/// stays with two lines of context on each side (one at the aggressive level).
enum LogFilter {
    /// Occurrences of each pattern kept before the rest are counted.
    static func firstKept(_ level: SaverLevel) -> Int { level == .aggressive ? 1 : 2 }

    /// Compresses `d`, or nil when no pattern repeats enough.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        var templates: [String] = []
        templates.reserveCapacity(d.lines.count)
        var counts: [String: Int] = [:]
        var last: [String: Int] = [:]
        for (i, line) in d.lines.enumerated() {
            if i & 1023 == 0 { try deadline.check() }
            let t = template(line)
            templates.append(t)
            counts[t, default: 0] += 1
            last[t] = i
        }
        let limit = firstKept(level)
        var seen: [String: Int] = [:]
        var keptProblems = Set<Substring>()
        var keep = [Bool](repeating: false, count: d.lines.count)
        var problems = [Bool](repeating: false, count: d.lines.count)
        for (i, line) in d.lines.enumerated() {
            let t = templates[i]
            seen[t, default: 0] += 1
            if Importance.mustKeep(line) {
                if keptProblems.insert(line).inserted { keep[i] = true; problems[i] = Importance.isProblem(line) }
                continue
            }
            if seen[t]! <= limit || last[t] == i || LinePatterns.isBlank(line) { keep[i] = true }
        }
        let context = level == .aggressive ? 1 : 2
        Elision.addContext(&keep, anchors: problems, before: context, after: context)
        guard keep.count(where: { !$0 }) * 10 >= d.lines.count else { return nil }
        var writer = LineWriter()
        Elision.write(d.lines[...], keep: keep, into: &writer) { run in
            let patterns = Set(run.indices.map { templates[$0] }).count
            return "\(Marker.count(run.count, "line")) like the ones above omitted (\(Marker.count(patterns, "pattern")); timestamps, ids or numbers differ)"
        }
        return writer.joined(trailingNewline: d.endsWithNewline)
    }

    /// The line with timestamps, long numbers and hex ids replaced by `#`; small standalone numbers
    /// (status codes, counts) are kept, so `200` and `500` stay apart.
    static func template(_ line: Substring) -> String {
        var out = [UInt8]()
        out.reserveCapacity(line.utf8.count)
        let u = Array(line.utf8)
        var i = 0
        while i < u.count {
            let b = u[i]
            if isHex(b) {
                var j = i
                var digits = 0
                var letters = 0
                while j < u.count, isHex(u[j]) { if u[j] <= 0x39 { digits += 1 } else { letters += 1 }; j += 1 }
                let boundaryBefore = i == 0 || !isWordByte(u[i - 1])
                let boundaryAfter = j == u.count || !isWordByte(u[j])
                if digits > 0, boundaryBefore, boundaryAfter, letters == 0 || j - i >= 6 {
                    let standalone = letters == 0 && j - i <= 3 && (i == 0 || u[i - 1] == 0x20 || u[i - 1] == 0x22 || u[i - 1] == 0x3D)
                        && (j == u.count || u[j] == 0x20 || u[j] == 0x22 || u[j] == 0x2C)
                    if standalone { out.append(contentsOf: u[i..<j]) } else { out.append(0x23) }
                    i = j
                    continue
                }
                if digits > 0, letters == 0 {  // digits glued to letters, e.g. item-12 or v2: still a number
                    out.append(0x23)
                    i = j
                    continue
                }
                out.append(contentsOf: u[i..<j])
                i = j
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) static func isHex(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46) }
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x5F }
}
