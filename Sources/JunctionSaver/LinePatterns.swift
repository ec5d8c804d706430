/// Small, allocation-free recognisers for the line shapes the classifier and filters look for.
enum LinePatterns {
    /// A parsed `path:line:content` (or `path-line-content` context) search-result line.
    struct GrepHit: Sendable {
        var path: Substring
        var rest: Substring
        var isContext: Bool
    }

    /// Parses `path:12:content`, `path:12:3:content` or a context line `path-12-content`.
    /// The path must look like one (no spaces, and a `/` or a `.`), which keeps timestamped logs out.
    static func grepHit(_ line: Substring) -> GrepHit? {
        let u = line.utf8
        var i = u.startIndex
        var sawPathChar = false
        while i != u.endIndex {
            let b = u[i]
            if b == 0x20 || b == 0x09 { return nil }
            if b == 0x3A || b == 0x2D {  // ':' or '-'
                var j = u.index(after: i)
                var digits = 0
                while j != u.endIndex, u[j] >= 0x30, u[j] <= 0x39 { digits += 1; j = u.index(after: j) }
                if digits > 0, j != u.endIndex, u[j] == b, i != u.startIndex, sawPathChar {
                    return GrepHit(path: line[u.startIndex..<i], rest: line[u.index(after: i)...], isContext: b == 0x2D)
                }
                if b == 0x3A, digits == 0 { return nil }
            }
            if b == 0x2F || b == 0x2E { sawPathChar = true }
            i = u.index(after: i)
        }
        return nil
    }

    /// Whether `line` looks like a bare path: no spaces or tabs, a `/` or a file extension, no `:` before the end.
    static func isPathLike(_ line: Substring) -> Bool {
        let u = line.utf8
        guard let first = u.first, u.count < 512 else { return false }
        if first == 0x23 || first == 0x2D || first == 0x3D || first == 0x3E || first == 0x3C { return false }  // # - = > <
        if line.begins("//") { return false }
        var slash = false
        var dot = false
        var colon = 0
        for b in u {
            if b == 0x20 || b == 0x09 || b == 0x28 || b == 0x22 || b == 0x7B || b == 0x3B { return false }
            if b == 0x2F { slash = true } else if b == 0x2E { dot = true } else if b == 0x3A { colon += 1 }
        }
        if colon > 1 { return false }
        if colon == 1 {  // `path:count` from `grep -c` / `rg -c`
            guard let c = line.lastIndex(of: ":"), line[line.index(after: c)...].allSatisfy(\.isNumber),
                  line.index(after: c) != line.endIndex else { return false }
        }
        return slash || dot
    }

    /// Whether `line` is an `ls -l` row: a type letter and nine permission characters.
    static func isLongListingRow(_ line: Substring) -> Bool {
        let u = Array(line.utf8.prefix(12))
        guard u.count >= 11, "-dlcbpsD".utf8.contains(u[0]) else { return false }
        for k in 1...9 where !"rwxsStTl-".utf8.contains(u[k]) { return false }
        return u[10] == 0x20 || u[10] == 0x2E || u[10] == 0x40 || u[10] == 0x2B
    }

    /// The leading line number of a numbered file read (`cat -n`'s `   12\t`, Claude's `    12→`, Cursor's `  12|`).
    static func readLineNumber(_ line: Substring) -> Int? {
        let u = line.utf8
        var i = u.startIndex
        while i != u.endIndex, u[i] == 0x20 { i = u.index(after: i) }
        var value = 0
        var digits = 0
        while i != u.endIndex, u[i] >= 0x30, u[i] <= 0x39, digits < 9 {
            value = value * 10 + Int(u[i] - 0x30)
            digits += 1
            i = u.index(after: i)
        }
        guard digits > 0, i != u.endIndex else { return nil }
        let b = u[i]
        if b == 0x09 || b == 0x7C { return value }  // tab, |
        if b == 0xE2, line[i...].begins("→") { return value }
        return nil
    }

    /// Whether `line` starts with a date or time (`2026-04-29 12:05:05`, `[12:05:05]`, `Nov 23 05:26:25`, `I1123 05:26`)
    /// or carries a log level word near its start.
    static func isLogLine(_ line: Substring) -> Bool {
        let head = line.utf8.prefix(40)
        var digits = 0
        var separators = 0
        for b in head.prefix(24) {
            if b >= 0x30 && b <= 0x39 { digits += 1 } else if b == 0x2D || b == 0x3A || b == 0x2F || b == 0x54 { separators += 1 }
        }
        if digits >= 6, separators >= 2, line.utf8.prefix(40).contains(0x3A) { return true }
        let text = Substring(line.prefix(60))
        return text.hasAny(logLevels)
    }

    /// Whether `line` is a compiler or build-tool diagnostic: `file:12:3: error: …`, `error[E0308]: …`, `[ERROR] …`.
    static func isDiagnostic(_ line: Substring) -> Bool {
        if line.begins("error") || line.begins("warning:") || line.begins("[ERROR]") || line.begins("[WARNING]") { return true }
        if line.begins("  --> ") || line.begins("   --> ") { return true }
        return line.utf8.contains(0x3A) && line.hasAny(diagnosticKinds)
    }

    static let logLevels: [StaticString] = [
        " INFO ", " WARN ", " WARNING ", " ERROR ", " DEBUG ", " TRACE ", " info ", " warning ", " error ", " debug ",
        "[INFO]", "[WARN]", "[ERROR]", "[DEBUG]", " notice ",
    ]
    static let diagnosticKinds: [StaticString] = [": error:", ": warning:", ": error TS", ": fatal error:", ") error TS"]

    /// The leading spaces and tabs of `line`.
    static func indent(_ line: Substring) -> Substring {
        line.prefix { $0 == " " || $0 == "\t" }
    }

    /// Whether `line` is empty or only spaces.
    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
