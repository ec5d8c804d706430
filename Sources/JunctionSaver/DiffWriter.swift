import Foundation

/// The single pass over a diff, with the running counts the limits apply to.
struct DiffWriter {
    let limits: GitDiffFilter.Limits
    let lines: [Substring]
    var writer = LineWriter()
    var totalShown = 0
    var fileShown = 0
    var filePath: Substring = ""
    var fileOmitted = (hunks: 0, added: 0, removed: 0)
    var messageLines = 0
    var statLines = 0
    var statOmitted = 0

    init(limits: GitDiffFilter.Limits, lines: [Substring]) {
        self.limits = limits
        self.lines = lines
    }

    mutating func run(deadline: Deadline) throws {
        var i = 0
        var checks = 0
        while i < lines.count {
            checks += 1
            if checks & 1023 == 0 { try deadline.check() }
            let line = lines[i]
            if line.hasPrefix("@@ "), let end = hunkEnd(from: i) {
                emitHunk(i..<end)
                i = end
                continue
            }
            if line.hasPrefix("diff --git ") || line.hasPrefix("diff --cc ") || line.hasPrefix("--- ") && filePath.isEmpty {
                closeFile()
                filePath = path(of: line)
            } else if line.hasPrefix("commit ") {
                closeFile()
                filePath = ""
                messageLines = 0
                statLines = 0
            } else if line.hasPrefix("    "), filePath.isEmpty {
                messageLines += 1
                if messageLines > limits.messageLines { i += 1; markMessage(); continue }
            } else if isStatLine(line) {
                statLines += 1
                if statLines > limits.statLines { statOmitted += 1; i += 1; continue }
            }
            if statOmitted > 0, !isStatLine(line) {
                writer.mark("\(statOmitted) more files in the stat")
                statOmitted = 0
            }
            writer.keep(line)
            i += 1
        }
        closeFile()
        if statOmitted > 0 { writer.mark("\(statOmitted) more files in the stat") }
    }

    /// Notes the message lines past the limit once.
    mutating func markMessage() {
        if messageLines == limits.messageLines + 1 { writer.mark("rest of the commit message omitted") }
    }

    /// The index after the hunk starting at `start`, using the line counts in its `@@ -a,b +c,d @@` header.
    func hunkEnd(from start: Int) -> Int? {
        let header = lines[start]
        guard let counts = Self.counts(header) else { return nil }
        var old = counts.old
        var new = counts.new
        var i = start + 1
        while i < lines.count, old > 0 || new > 0 || lines[i].hasPrefix("\\") {
            let first = lines[i].utf8.first
            switch first {
            case 0x2B: new -= 1
            case 0x2D: old -= 1
            case 0x5C: break
            case 0x20, nil: old -= 1; new -= 1
            default: return i
            }
            i += 1
        }
        return i
    }

    /// Old and new line counts of a hunk header.
    static func counts(_ header: Substring) -> (old: Int, new: Int)? {
        let parts = header.split(separator: " ", maxSplits: 3)
        guard parts.count >= 3, parts[1].hasPrefix("-"), parts[2].hasPrefix("+") else { return nil }
        func count(_ range: Substring) -> Int? {
            let numbers = range.dropFirst().split(separator: ",")
            if numbers.count == 1 { return 1 }
            return Int(numbers[1])
        }
        guard let old = count(parts[1]), let new = count(parts[2]) else { return nil }
        return (old, new)
    }

    /// Writes a hunk within the limits.
    mutating func emitHunk(_ range: Range<Int>) {
        let body = lines[(range.lowerBound + 1)..<range.upperBound]
        let added = body.count { $0.hasPrefix("+") }
        let removed = body.count { $0.hasPrefix("-") }
        if fileShown >= limits.file || totalShown >= limits.total {
            fileOmitted.hunks += 1
            fileOmitted.added += added
            fileOmitted.removed += removed
            return
        }
        writer.keep(lines[range.lowerBound])
        var keep = body.map { !($0.hasPrefix(" ") || $0.isEmpty) }
        if limits.context < 3 {
            let anchors = keep
            Elision.addContext(&keep, anchors: anchors, before: limits.context, after: limits.context)
        } else {
            keep = [Bool](repeating: true, count: body.count)
        }
        let keptIndices = keep.indices.filter { keep[$0] }
        if keptIndices.count > limits.hunk {
            let headCount = limits.hunk - limits.hunkTail
            for k in keptIndices[headCount..<(keptIndices.count - limits.hunkTail)] { keep[k] = false }
        }
        Elision.write(body, keep: keep, into: &writer) { run in
            let plus = run.count { $0.hasPrefix("+") }
            let minus = run.count { $0.hasPrefix("-") }
            let same = run.count - plus - minus
            if plus + minus == 0 { return "\(Marker.count(same, "unchanged line")) omitted" }
            return "\(Marker.count(run.count, "line")) of this hunk omitted (+\(plus) −\(minus), \(same) unchanged)"
        }
        let shown = keep.count { $0 }
        fileShown += shown
        totalShown += shown
    }

    /// Marks the hunks of the current file that were left out.
    mutating func closeFile() {
        if fileOmitted.hunks > 0 {
            let name = filePath.isEmpty ? "this file" : String(filePath)
            writer.mark("\(Marker.count(fileOmitted.hunks, "more hunk")) of \(name) omitted (+\(fileOmitted.added) −\(fileOmitted.removed))")
        }
        fileOmitted = (0, 0, 0)
        fileShown = 0
    }

    /// The new path of a `diff --git a/x b/y` line (or the path of `--- x`).
    func path(of line: Substring) -> Substring {
        if let range = line.range(of: " b/", options: .backwards) { return line[range.upperBound...] }
        return line.split(separator: " ").last ?? line
    }

    /// Whether `line` is a `--stat` line (` path | 12 ++--`) or its summary.
    func isStatLine(_ line: Substring) -> Bool {
        guard line.hasPrefix(" "), let bar = line.firstIndex(of: "|") else { return false }
        let after = line[line.index(after: bar)...].drop { $0 == " " }
        return after.first?.isNumber == true || after.hasPrefix("Bin")
    }
}
