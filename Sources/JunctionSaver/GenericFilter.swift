/// The fallback for outputs of no known family: repeated lines collapse, and a huge output keeps its head, its tail
/// and every problem or summary line with context, with the rest marked as omitted.
enum GenericFilter {
    /// Lines above which the middle of an unknown output is thinned, per level.
    static func hugeLimit(_ level: SaverLevel) -> Int { level == .aggressive ? 400 : 1500 }

    /// Compresses `d`, or nil when nothing could be left out.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        var keep = [Bool](repeating: true, count: d.lines.count)
        var changed = false
        // Runs of identical lines: keep the first, mark the rest.
        var i = 0
        while i < d.lines.count {
            if i & 4095 == 0 { try deadline.check() }
            var j = i + 1
            while j < d.lines.count, d.lines[j] == d.lines[i] { j += 1 }
            if j - i >= 3 {
                for k in (i + 1)..<j { keep[k] = false }
                changed = true
            }
            i = j
        }
        if d.lines.count > hugeLimit(level) {
            let head = level == .aggressive ? 120 : 500
            let tail = level == .aggressive ? 60 : 200
            let important = Elision.importantMask(d.lines[...])
            var window = [Bool](repeating: false, count: d.lines.count)
            for k in 0..<min(head, d.lines.count) { window[k] = true }
            for k in max(0, d.lines.count - tail)..<d.lines.count { window[k] = true }
            Elision.addContext(&window, anchors: important, before: 3, after: 3)
            for k in keep.indices where !window[k] { keep[k] = false; changed = true }
        }
        guard changed else { return nil }
        var writer = LineWriter()
        Elision.write(d.lines[...], keep: keep, into: &writer) { run in
            let first = run[run.startIndex]
            if run.allSatisfy({ $0 == first }) { return "same line repeated \(run.count) more times" }
            return "\(Marker.count(run.count, "line")) omitted"
        }
        return writer.joined(trailingNewline: d.endsWithNewline)
    }
}
