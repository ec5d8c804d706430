// junction-saver-bench: measures the token saver on the fixture corpus.
//
// usage: junction-saver-bench <fixtures-dir> [--level safe|aggressive] [--verbose] [--show category/name] [--seconds N]
//
// For each fixture `<category>/<name>.txt` (with `<name>.cmd` giving the command and `<name>.keep` the lines that
// must survive), it compresses the output once and reports bytes and estimated tokens before and after, per
// category and overall, and how many must-keep lines survived; then it compresses the whole corpus repeatedly
// on one core for a throughput figure in MB/s.
import Foundation
import JunctionSaver

struct Fixture {
    var category: String
    var name: String
    var text: String
    var context: ToolContext
    var keep: [String]
}

func loadFixtures(_ root: URL) throws -> [Fixture] {
    let fm = FileManager.default
    var fixtures: [Fixture] = []
    for category in try fm.contentsOfDirectory(atPath: root.path).sorted() {
        let dir = root.appendingPathComponent(category)
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else { continue }
        for file in try fm.contentsOfDirectory(atPath: dir.path).sorted() where file.hasSuffix(".txt") {
            let name = String(file.dropLast(4))
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            let cmd = (try? String(contentsOf: dir.appendingPathComponent(name + ".cmd"), encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let keepText = (try? String(contentsOf: dir.appendingPathComponent(name + ".keep"), encoding: .utf8)) ?? ""
            let keep = keepText.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            fixtures.append(Fixture(category: category, name: name, text: text, context: ToolContext(toolName: "Bash", command: cmd), keep: keep))
        }
    }
    return fixtures
}

struct Totals {
    var files = 0, bytesBefore = 0, bytesAfter = 0, tokensBefore = 0, tokensAfter = 0, keepTotal = 0, keepKept = 0
    mutating func add(_ r: SaverResult, keep: Int, kept: Int) {
        files += 1
        bytesBefore += r.bytesBefore; bytesAfter += r.bytesAfter
        tokensBefore += r.tokensBefore; tokensAfter += r.tokensAfter
        keepTotal += keep; keepKept += kept
    }
    func percent(_ before: Int, _ after: Int) -> String {
        before == 0 ? "0.0%" : String(format: "%.1f%%", 100 * Double(before - after) / Double(before))
    }
    func row(_ label: String) -> String {
        label.padding(toLength: 14, withPad: " ", startingAt: 0)
            + String(format: "%4d %10d %10d %7@ %9d %9d %7@ %6d/%-6d", files, bytesBefore, bytesAfter, percent(bytesBefore, bytesAfter),
                     tokensBefore, tokensAfter, percent(tokensBefore, tokensAfter), keepKept, keepTotal)
    }
}

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, in args: [String] = args) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
guard let root = args.first, !root.hasPrefix("--") else {
    FileHandle.standardError.write(Data("usage: junction-saver-bench <fixtures-dir> [--level safe|aggressive] [--verbose] [--show category/name]\n".utf8))
    exit(2)
}
let level = SaverLevel(rawValue: option("--level") ?? "safe") ?? .safe
let verbose = args.contains("--verbose")
let seconds = Double(option("--seconds") ?? "3") ?? 3
let saver = Saver(level: level, timeBudget: .seconds(5))
let fixtures = try loadFixtures(URL(fileURLWithPath: root))

if let show = option("--show") {
    for f in fixtures where "\(f.category)/\(f.name)" == show {
        let r = saver.compress(f.text, context: f.context)
        print(r.text, terminator: "")
        FileHandle.standardError.write(Data("[\(r.filter)] bytes \(r.bytesBefore)→\(r.bytesAfter) tokens \(r.tokensBefore)→\(r.tokensAfter)\n".utf8))
    }
    exit(0)
}

var perCategory: [String: Totals] = [:]
var overall = Totals()
var missing: [String] = []
print("level: \(level.rawValue), fixtures: \(fixtures.count)")
print("category      files   bytes-in  bytes-out  saved  tokens-in tokens-out  saved   must-keep")
for f in fixtures {
    let r = saver.compress(f.text, context: f.context)
    let lines = Set(r.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    let kept = f.keep.filter { lines.contains($0) }.count
    for line in f.keep where !lines.contains(line) { missing.append("\(f.category)/\(f.name): \(line)") }
    perCategory[f.category, default: Totals()].add(r, keep: f.keep.count, kept: kept)
    overall.add(r, keep: f.keep.count, kept: kept)
    if verbose {
        var t = Totals(); t.add(r, keep: f.keep.count, kept: kept)
        print("  " + t.row(String("\(f.category)/\(f.name)".suffix(40))) + "  [\(r.filter)]")
    }
}
for category in perCategory.keys.sorted() { print(perCategory[category]!.row(category)) }
print(overall.row("OVERALL"))
for line in missing { print("MISSING \(line)") }

// Throughput: the whole corpus, repeated on this one thread until `seconds` have passed. The best round is the
// figure least disturbed by other processes on a shared machine; the median is printed beside it.
let corpusBytes = fixtures.reduce(0) { $0 + $1.text.utf8.count }
let clock = ContinuousClock()
var roundTimes: [Double] = []
var checksum = 0
let start = clock.now
while clock.now - start < .seconds(seconds) || roundTimes.count < 3 {
    let roundStart = clock.now
    for f in fixtures { checksum &+= saver.compress(f.text, context: f.context).bytesAfter }
    let d = clock.now - roundStart
    roundTimes.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
}
roundTimes.sort()
let best = Double(corpusBytes) / roundTimes[0] / 1e6
let median = Double(corpusBytes) / roundTimes[roundTimes.count / 2] / 1e6
print(String(format: "throughput: %.1f MB/s best round, %.1f MB/s median (%d rounds of %.2f MB, one thread; checksum %d)",
             best, median, roundTimes.count, Double(corpusBytes) / 1e6, checksum))
