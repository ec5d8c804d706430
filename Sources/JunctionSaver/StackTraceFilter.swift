import Foundation

/// Stack traces (Python, Java/JVM, JavaScript, Rust backtraces): the exception lines, the `Caused by:` and
/// "During handling…" links and the innermost and outermost frames stay; runs of identical frames (recursion)
/// collapse, and the middle frames of the earlier exceptions in a chain are counted by file.
enum StackTraceFilter {
    /// Frames kept at each end of an earlier traceback in a chain, and of the last one.
    static func keepFrames(_ level: SaverLevel) -> (earlier: Int, last: Int) {
        level == .aggressive ? (1, 3) : (2, 12)
    }

    /// One frame: its line range and the file it is in.
    struct Frame {
        var range: Range<Int>
        var file: Substring
    }

    /// Compresses `d`, or nil when nothing could be left out.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        var keep = [Bool](repeating: true, count: d.lines.count)
        var why = [String?](repeating: nil, count: d.lines.count)
        collapseIdenticalRuns(d.lines, &keep, &why)
        let groups = frameGroups(d.lines)
        let (earlier, last) = keepFrames(level)
        for (index, group) in groups.enumerated() {
            try deadline.check()
            let ends = index == groups.count - 1 ? last : earlier
            guard group.count > 2 * ends + 1 else { continue }
            for frame in group[ends..<(group.count - ends)] {
                for k in frame.range { keep[k] = false; why[k] = String(frame.file) }
            }
        }
        guard keep.contains(false) else { return nil }
        var writer = LineWriter()
        Elision.write(d.lines[...], keep: keep, into: &writer) { run in
            if let first = why[run.startIndex], first.hasPrefix("identical:") {
                return "\(run.count) more identical frames (\(run[run.startIndex].trimmingSpaces().drop { $0 == " " || $0 == "\t" }))"
            }
            var files: [String] = []
            var frames = 0
            for k in run.indices {
                guard let file = why[k], !file.hasPrefix("identical:") else { continue }
                if isFrameStart(d.lines[k]) { frames += 1 }
                if !files.contains(file) { files.append(file) }
            }
            let names = files.prefix(4).map { String($0.split(separator: "/").suffix(2).joined(separator: "/")) }.joined(separator: ", ")
            return "\(Marker.count(max(frames, 1), "frame")) omitted (\(names)\(files.count > 4 ? ", …" : ""))"
        }
        return writer.joined(trailingNewline: d.endsWithNewline)
    }

    /// Marks the second and later copies in runs of three or more identical frame lines.
    static func collapseIdenticalRuns(_ lines: [Substring], _ keep: inout [Bool], _ why: inout [String?]) {
        var i = 0
        while i < lines.count {
            var j = i + 1
            while j < lines.count, lines[j] == lines[i] { j += 1 }
            if j - i >= 3, isFrameStart(lines[i]) {
                for k in (i + 1)..<j { keep[k] = false; why[k] = "identical:" }
            }
            i = j
        }
    }

    /// Whether `line` starts a frame: `  File "x.py", line 3, in f`, `\tat a.b(C.java:3)`, `    at f (x.js:1:2)`.
    static func isFrameStart(_ line: Substring) -> Bool {
        line.hasPrefix("  File \"") || line.hasPrefix("\tat ") || line.hasPrefix("    at ") || line.hasPrefix("        at ")
    }

    /// The frames of each traceback, in order; a traceback ends at the first line that is not part of a frame.
    static func frameGroups(_ lines: [Substring]) -> [[Frame]] {
        var groups: [[Frame]] = []
        var current: [Frame] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            guard isFrameStart(line) else {
                if !current.isEmpty { groups.append(current); current = [] }
                i += 1
                continue
            }
            var end = i + 1
            if line.hasPrefix("  File \"") {
                while end < lines.count, lines[end].hasPrefix("    "), !isFrameStart(lines[end]) { end += 1 }
            }
            current.append(Frame(range: i..<end, file: file(of: line)))
            i = end
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    /// The file of a frame line.
    static func file(of line: Substring) -> Substring {
        if line.hasPrefix("  File \""), let close = line.dropFirst(8).firstIndex(of: "\"") { return line[line.index(line.startIndex, offsetBy: 8)..<close] }
        if let open = line.lastIndex(of: "("), let colon = line[open...].firstIndex(of: ":") { return line[line.index(after: open)..<colon] }
        return line.drop { $0 == " " || $0 == "\t" }.prefix(60)
    }
}
