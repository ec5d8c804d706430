/// Test-runner output (pytest, cargo test, swift test and XCTest, go test, jest/vitest, JUnit): lines that only
/// report a passing test, build progress or a runtime-library backtrace frame go, counted where they were;
/// failures with their names, assertions, locations and output, and every summary, stay verbatim.
enum TestFilter {
    /// Compresses `d`, or nil when nothing could be left out.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> (text: String, name: String)? {
        let dialect = TestDialect.detect(d.lines[...])
        var keep = [Bool](repeating: true, count: d.lines.count)
        var kinds = [TestDialect.Noise?](repeating: nil, count: d.lines.count)
        var dropped = 0
        var afterPassingTAP = false  // the YAML block after a TAP `ok` line belongs to the passing test
        for (i, line) in d.lines.enumerated() {
            if i & 4095 == 0 { try deadline.check() }
            var noise = dialect?.noise(line, level: level) ?? (TestDialect.isBuildProgress(line) ? .progress : nil)
            if dialect == .nodeTest {
                if line.begins("ok ") { afterPassingTAP = true } else if !line.begins("  ") { afterPassingTAP = false }
                if afterPassingTAP, line.begins("  ") { noise = .pass }
            }
            guard let noise, noise == .frame || !Importance.mustKeep(line) else { continue }
            keep[i] = false
            kinds[i] = noise
            dropped += 1
        }
        guard dropped > 0 else { return nil }
        var writer = LineWriter()
        Elision.write(d.lines[...], keep: keep, into: &writer) { run in
            var counts: [TestDialect.Noise: Int] = [:]
            var dots = 0
            var files: [Substring] = []
            for k in run.indices {
                guard let kind = kinds[k] else { continue }
                counts[kind, default: 0] += 1
                if dialect == .pytest, kind == .progress, TestDialect.isDotProgress(d.lines[k]) {
                    let line = d.lines[k]
                    dots += line.utf8.count { $0 == 0x2E } - (line.has(".py ") ? 1 : 0)
                    if let space = line.firstIndex(of: " "), line[..<space].hasSuffix(".py"), !files.contains(line[..<space]) { files.append(line[..<space]) }
                }
            }
            if dots > 0, counts.count == 1 {
                let inFiles = files.isEmpty ? "" : " in " + files.joined(separator: ", ")
                return "\(Marker.count(dots, "passing test"))\(inFiles) (progress dots) omitted"
            }
            let parts = [TestDialect.Noise.pass, .progress, .frame].compactMap { kind -> String? in
                guard let n = counts[kind] else { return nil }
                return Marker.count(n, kind.rawValue)
            }
            return parts.joined(separator: ", ") + " omitted"
        }
        return (writer.joined(trailingNewline: d.endsWithNewline), dialect?.rawValue ?? "tests")
    }
}
