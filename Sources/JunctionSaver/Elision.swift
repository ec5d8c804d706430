/// Writing a selection of lines, with one marker for each run of lines left out.
enum Elision {
    /// Writes the lines whose `keep` flag is set; each run of dropped lines becomes one marker saying what it held.
    /// A run no longer than its marker (in bytes, or for a few lines in tokens) is kept instead, since leaving it out would save nothing.
    static func write(
        _ lines: ArraySlice<Substring>, keep: [Bool], into writer: inout LineWriter,
        describe: (ArraySlice<Substring>) -> String = { "\(Marker.count($0.count, "line")) omitted" }
    ) {
        let base = lines.startIndex
        var i = base
        while i < lines.endIndex {
            if keep[i - base] { writer.keep(lines[i]); i += 1; continue }
            var j = i
            while j < lines.endIndex, !keep[j - base] { j += 1 }
            let run = lines[i..<j]
            let what = describe(run)
            let runBytes = run.reduce(0, { $0 + $1.utf8.count + 1 })
            if runBytes <= what.utf8.count + 8
                || run.count <= 3 && TokenEstimator.estimate(run.joined(separator: "\n")) <= TokenEstimator.estimate(what) + 2 {
                writer.keep(run)
            } else {
                writer.mark(what, indent: LinePatterns.indent(run[run.startIndex]).prefix(8))
            }
            i = j
        }
    }

    /// Sets `keep` for `before` lines before and `after` lines after every line where `anchor` is set.
    static func addContext(_ keep: inout [Bool], anchors: [Bool], before: Int, after: Int) {
        var lastAnchor = -1_000_000
        for i in keep.indices {
            if anchors[i] {
                for k in max(0, i - before)..<i { keep[k] = true }
                lastAnchor = i
            }
            if i - lastAnchor <= after { keep[i] = true }
        }
    }

    /// The problem and summary lines of `lines`, as a mask.
    static func importantMask(_ lines: ArraySlice<Substring>) -> [Bool] {
        lines.map { Importance.mustKeep($0) }
    }
}
