import Foundation

/// Compiler and build-tool output (swiftc/SwiftPM, clang/gcc, rustc/cargo, tsc, javac/maven/gradle) and package
/// installs (pip, npm): build-progress and download lines go, a diagnostic repeated word for word (same message,
/// same location, same excerpt) is written once; every error, warning and note with its location and code excerpt stays.
enum BuildFilter {
    /// Compresses `d`, or nil when nothing could be left out.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        var keep = [Bool](repeating: true, count: d.lines.count)
        var reason = [String?](repeating: nil, count: d.lines.count)
        var seenBlocks: [String: Substring] = [:]
        var i = 0
        while i < d.lines.count {
            if i & 4095 == 0 { try deadline.check() }
            let line = d.lines[i]
            if let why = noise(line, level: level) {
                keep[i] = false
                reason[i] = why
                i += 1
                continue
            }
            guard isBlockHeader(line) else { i += 1; continue }
            var end = i + 1
            while end < d.lines.count, isContinuation(d.lines[end]) { end += 1 }
            // A block repeated word for word goes at every level; at the aggressive level a note that repeats an
            // earlier note's message at another place (`in expansion of macro 'X'`) goes too.
            let key = level == .aggressive && isNote(line) ? "note:" + message(line) : d.lines[i..<end].joined(separator: "\n")
            if seenBlocks[key] != nil {
                for k in i..<end { keep[k] = false; reason[k] = "repeat" }
            } else {
                seenBlocks[key] = line
            }
            i = end
        }
        guard keep.contains(false) else { return nil }
        var writer = LineWriter()
        Elision.write(d.lines[...], keep: keep, into: &writer) { run in
            var counts: [String: Int] = [:]
            var order: [String] = []
            var repeated: [Substring] = []
            for k in run.indices {
                guard let why = reason[k] else { continue }
                if why == "repeat" {
                    if isBlockHeader(d.lines[k]) { repeated.append(location(d.lines[k])) }
                    continue
                }
                if counts[why] == nil { order.append(why) }
                counts[why, default: 0] += 1
            }
            var parts = order.map { Marker.count(counts[$0]!, $0) + " omitted" }
            if !repeated.isEmpty {
                parts.append("\(Marker.count(repeated.count, "diagnostic")) repeating one above (\(repeated.prefix(3).joined(separator: ", "))\(repeated.count > 3 ? ", …" : ""))")
            }
            return parts.joined(separator: "; ")
        }
        return writer.joined(trailingNewline: d.endsWithNewline)
    }

    /// Why a line can go (build progress, downloads), or nil when it stays.
    static func noise(_ line: Substring, level: SaverLevel) -> String? {
        if TestDialect.isBuildProgress(line) { return "build progress line" }
        let body = line.drop { $0 == " " }
        if body.begins("Downloading ") || body.begins("Using cached ") || line.begins("[INFO] Downloading from ") || line.begins("[INFO] Downloaded from ") || body.begins("Downloaded ") {
            return Importance.isProblem(line) ? nil : "download line"
        }
        if level == .aggressive {
            if body.begins("Compiling ") || body.begins("Checking ") || body.begins("Fresh ") { return Importance.isProblem(line) ? nil : "compile step" }
            if line.begins("Requirement already satisfied: ") { return "already-satisfied requirement" }
        }
        return nil
    }

    /// A diagnostic's first line: `file:12:3: error: …`, `error[E0308]: …`, `warning: …`, `File.java:12: error: …`.
    static func isBlockHeader(_ line: Substring) -> Bool {
        if line.begins("error") || line.begins("warning") || line.begins("note:") { return true }
        return line.utf8.contains(0x3A) && line.hasAny(headerKinds)
    }

    static let headerKinds: [StaticString] = [": error:", ": warning:", ": note:", ": fatal error:", ": error TS"]

    /// Lines that belong to the diagnostic above: code excerpts, carets, `-->` locations, `= note:` lines.
    static func isContinuation(_ line: Substring) -> Bool {
        guard let first = line.first else { return false }
        if first == " " || first == "|" || first == "`" || first == "\t" { return true }
        if first.isNumber { return line.prefix { $0.isNumber }.count < line.count && line.drop { $0.isNumber }.begins(" |") }
        return false
    }

    /// Whether a diagnostic header is a note.
    static func isNote(_ line: Substring) -> Bool { line.begins("note:") || line.has(": note:") }

    /// The text of a diagnostic after its location and kind.
    static func message(_ line: Substring) -> String {
        guard let range = line.range(of: "note:") else { return String(line) }
        return String(line[range.upperBound...])
    }

    /// `file:12:3` of a diagnostic header, or its first words.
    static func location(_ line: Substring) -> Substring {
        if let range = line.range(of: ": ") { return line[..<range.lowerBound] }
        return line.prefix(40)
    }
}
