import Foundation
import Testing
@testable import JunctionSaver

/// The failures of the reference saver (9router's port of rtk) that Junction must not repeat.
@Suite struct RegressionTests {
    @Test func timestampedLogsAreNotReadAsGrepOutput() {
        for name in ["logs/indexer-timestamped", "logs/indexer-timestamped-nio-posix"] {
            let f = Fixture.named(name)
            let document = Document(f.text)
            #expect(Classifier.classify(document, context: ToolContext()) == .log)
            let result = Saver(level: .aggressive, timeBudget: .seconds(10)).compress(f.text)
            #expect(result.filter != "grep")
            #expect(Document(result.text).lines.count > 10)
            let lines = lineSet(result.text)
            for line in f.keep { #expect(lines.contains(line)) }
        }
    }

    @Test func pytestDotsAreNotPathsAndFailuresSurvive() {
        for name in ["pytest/jmespath-two-failures", "pytest/color-two-failures"] {
            let f = Fixture.named(name)
            for level in [SaverLevel.safe, .aggressive] {
                let result = Saver(level: level, timeBudget: .seconds(10)).compress(f.text, context: ToolContext())
                #expect(result.filter == "pytest")
                #expect(result.text.contains("2 failed, 121 passed"))
                #expect(result.text.contains("E       AssertionError: assert 'p49' == 'p0'"))
                #expect(result.text.contains("tests/test_jmespath_queries.py:19: AssertionError"))
                #expect(result.text.contains("FAILED tests/test_jmespath_queries.py::test_sort_by_reverse"))
            }
        }
    }

    @Test func gitStatusKeepsUntrackedFilesAndStatesApart() {
        let f = Fixture.named("git-status/nio-status-untracked-all")
        for level in [SaverLevel.safe, .aggressive] {
            let result = Saver(level: level, timeBudget: .seconds(10)).compress(f.text, context: f.context)
            let lines = lineSet(result.text)
            for header in ["Changes to be committed:", "Changes not staged for commit:", "Untracked files:"] { #expect(lines.contains(header)) }
            #expect(lines.contains("\tnotes.txt"))
            #expect(lines.contains("\tdeleted:    Sources/NIOCore/Linux.swift"))
            #expect(lines.contains("\tdeleted:    Sources/NIOCore/BSDSocketAPI.swift"))
            #expect(lines.contains("\trenamed:    Sources/NIOCore/Codec.swift -> Sources/NIOCore/Codecs.swift"))
            // Staged deletion stays under "to be committed", unstaged under "not staged".
            let text = result.text
            let staged = text.range(of: "Changes to be committed:")!.lowerBound
            let unstaged = text.range(of: "Changes not staged for commit:")!.lowerBound
            let linux = text.range(of: "deleted:    Sources/NIOCore/Linux.swift")!.lowerBound
            let bsd = text.range(of: "deleted:    Sources/NIOCore/BSDSocketAPI.swift")!.lowerBound
            #expect(staged < linux && linux < unstaged && unstaged < bsd)
        }
    }

    @Test func gitShowKeepsTheCommitMessage() {
        let f = Fixture.named("git-show/log-show-head")
        for level in [SaverLevel.safe, .aggressive] {
            let result = Saver(level: level, timeBudget: .seconds(10)).compress(f.text, context: f.context)
            #expect(result.bytesAfter < result.bytesBefore / 2)
            #expect(result.text.contains("    Tidy Logger declarations (pass 10)"))
            #expect(result.text.contains("    reviewed, so that the audit script can tell which files were checked."))
            #expect(result.text.contains("Author: Dev Example <dev@example.com>"))
        }
    }

    @Test func aHugeFileReadIsElidedInTheMiddleWithAMarker() throws {
        let f = Fixture.named("read/bytebuffer-multi-int-cat-n")
        let original = Document(f.text)
        #expect(original.lines.count > 3000)
        let result = Saver(timeBudget: .seconds(10)).compress(f.text, context: ToolContext(toolName: "Read", command: "ByteBuffer-multi-int.swift"))
        let output = Document(result.text)
        #expect(result.filter == "read")
        #expect(output.lines.first == original.lines.first)
        #expect(output.lines.last == original.lines.last)
        let marker = try #require(output.lines.first(where: Marker.isMarker))
        #expect(marker.contains("file lines \(ReadFilter.limits(.safe).head + 1)–"))
        #expect(marker.contains("\(original.lines.count)-line read"))
        // Lines on either side of the marker are consecutive original lines.
        let index = try #require(output.lines.firstIndex(where: Marker.isMarker))
        #expect(Array(output.lines[..<index]) == Array(original.lines[..<index]))
    }

    @Test func aFileReadUnderTheLimitIsUntouched() {
        for name in ["read/eventloopfuture-cat-n", "read/logger-cat-n", "read/socketchannel-arrow-numbered"] {
            let f = Fixture.named(name)
            #expect(Saver(timeBudget: .seconds(10)).compress(f.text, context: ToolContext(toolName: "Read", command: "x.swift")).text == f.text)
        }
    }

    @Test func readsKeepDoubleBlankLines() {
        let source = (1...150).map { $0 % 10 == 0 ? "" : "let value\($0) = \($0)" }.joined(separator: "\n\n\n")
        #expect(Saver(level: .aggressive, timeBudget: .seconds(10)).compress(source, context: ToolContext(toolName: "Read", command: "a.swift")).text == source)
    }

    @Test func noMarkerSuggestsACommand() {
        for f in Fixture.all {
            for level in [SaverLevel.safe, .aggressive] {
                let text = Saver(level: level, timeBudget: .seconds(10)).compress(f.text, context: f.context).text
                #expect(!text.contains("rtk "))
                #expect(!text.contains("--no-compact"))
            }
        }
    }
}
