import Foundation
import Testing
@testable import JunctionSaver

/// The saver's guarantees, checked on every real output of the corpus at both compressing levels.
@Suite struct InvariantTests {
    static let levels: [SaverLevel] = [.safe, .aggressive]

    @Test("must-keep lines survive verbatim", arguments: Fixture.all, levels)
    func mustKeepLinesSurvive(fixture: Fixture, level: SaverLevel) {
        let result = Saver(level: level, timeBudget: .seconds(10)).compress(fixture.text, context: fixture.context)
        let lines = lineSet(result.text)
        let missing = fixture.keep.filter { !lines.contains($0) }
        #expect(missing.isEmpty, "\(fixture.testDescription) [\(result.filter)] lost: \(missing.prefix(3))")
    }

    @Test("output is never longer than input", arguments: Fixture.all, levels)
    func neverLonger(fixture: Fixture, level: SaverLevel) {
        let result = Saver(level: level, timeBudget: .seconds(10)).compress(fixture.text, context: fixture.context)
        #expect(result.bytesAfter <= result.bytesBefore)
        #expect(result.text.utf8.count == result.bytesAfter)
        #expect(result.bytesBefore == fixture.text.utf8.count)
        #expect(result.tokensAfter <= result.tokensBefore)
    }

    @Test("same input, same output; compressing twice changes nothing", arguments: Fixture.all, levels)
    func deterministicAndIdempotent(fixture: Fixture, level: SaverLevel) {
        let saver = Saver(level: level, timeBudget: .seconds(10))
        let first = saver.compress(fixture.text, context: fixture.context)
        let again = saver.compress(fixture.text, context: fixture.context)
        #expect(first == again)
        let second = saver.compress(first.text, context: fixture.context)
        #expect(second.text == first.text, "\(fixture.testDescription) [\(first.filter)] changed on a second pass")
        let blind = saver.compress(first.text)
        #expect(blind.text == first.text, "\(fixture.testDescription) changed on a second pass without context")
    }

    @Test("every omission is marked, and no marker tells the model to run anything", arguments: Fixture.all, levels)
    func omissionsAreMarked(fixture: Fixture, level: SaverLevel) {
        let result = Saver(level: level, timeBudget: .seconds(10)).compress(fixture.text, context: fixture.context)
        let output = Document(result.text)
        let markers = output.lines.filter(Marker.isMarker)
        if result.text != Noise.strip(fixture.text), result.text != fixture.text {
            #expect(!markers.isEmpty || result.text.contains("\"… "), "\(fixture.testDescription): lines left out without a marker")
        }
        for marker in markers {
            let lower = marker.lowercased()
            for hint in ["run ", "rerun", "re-run", "rtk", "--no-compact", "use `", "execute"] {
                #expect(!lower.contains(hint), "marker suggests a command: \(marker)")
            }
        }
    }

    @Test("no ANSI escapes or carriage returns survive (outputs under 1 KB are left alone)", arguments: Fixture.all)
    func noTerminalNoise(fixture: Fixture) {
        let result = Saver(timeBudget: .seconds(10)).compress(fixture.text, context: fixture.context)
        if fixture.text.utf8.count < Saver.minimumBytes {
            #expect(result.text == fixture.text)
            return
        }
        #expect(!result.text.contains("\u{1B}["))
        #expect(!result.text.contains("\r"))
    }

    @Test("reports keep every problem and summary line", arguments: Fixture.all)
    func problemLinesKept(fixture: Fixture) {
        let kind = Classifier.classify(Document(Noise.strip(fixture.text)), context: fixture.context)
        guard kind.isReport else { return }
        for level in Self.levels {
            let result = Saver(level: level, timeBudget: .seconds(10)).compress(fixture.text, context: fixture.context)
            let kept = lineSet(result.text)
            for line in Document(Noise.strip(fixture.text)).lines
            where Importance.mustKeep(line) && !TestDialect.isLibraryFrame(line) {
                #expect(kept.contains(String(line)), "\(fixture.testDescription) lost: \(line)")
            }
        }
    }
}
