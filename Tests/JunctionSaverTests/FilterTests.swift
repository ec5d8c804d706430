import Foundation
import Testing
@testable import JunctionSaver

/// Filter behaviour on the real corpus and on small hand-made inputs for the edge cases.
@Suite struct FilterTests {
    @Test func jsonStaysValidWithStructureAndFirstItems() throws {
        for name in ["json/nio-dump-package", "json/pip-list-json"] {
            let f = Fixture.named(name)
            let result = Saver(timeBudget: .seconds(10)).compress(f.text, context: f.context)
            #expect(result.filter == "json")
            #expect(result.bytesAfter < result.bytesBefore / 3)
            let object = try JSONSerialization.jsonObject(with: Data(result.text.utf8), options: [.fragmentsAllowed])
            let original = try JSONSerialization.jsonObject(with: Data(f.text.utf8), options: [.fragmentsAllowed])
            if let dict = object as? [String: Any], let before = original as? [String: Any] {
                #expect(Set(dict.keys) == Set(before.keys))
            }
            if let array = object as? [Any], let before = original as? [Any] {
                #expect(array.count == JSONFilter.limits(.safe).kept + 1)
                #expect((array.last as? String) == "… \(before.count - JSONFilter.limits(.safe).kept) more items …")
            }
        }
    }

    @Test func jsonKeepsShortAndMixedArrays() {
        let mixed = "[" + (0..<40).map { $0 % 2 == 0 ? "\"s\($0)\"" : "\($0)" }.joined(separator: ", ") + "]" + String(repeating: " ", count: 1000)
        #expect(Saver(timeBudget: .seconds(10)).compress(mixed).text == mixed)
    }

    @Test func logPatternsKeepStatusCodesApart() {
        let ok = LogFilter.template(#"127.0.0.1 - - [23/Nov/2026 05:26:25] "GET / HTTP/1.1" 200 -"#)
        let ok2 = LogFilter.template(#"127.0.0.1 - - [23/Nov/2026 07:01:59] "GET / HTTP/1.1" 200 -"#)
        let failed = LogFilter.template(#"127.0.0.1 - - [23/Nov/2026 05:26:25] "GET / HTTP/1.1" 500 -"#)
        #expect(ok == ok2)
        #expect(ok != failed)
        #expect(LogFilter.template("req id=9f8e7d6c5b4a took 1234ms") == LogFilter.template("req id=0a1b2c3d4e5f took 87ms"))
    }

    @Test func repeatedLogLinesCollapseWithCounts() throws {
        let f = Fixture.named("logs/http-server-access")
        let result = Saver(timeBudget: .seconds(10)).compress(f.text, context: f.context)
        #expect(result.filter == "log")
        #expect(result.bytesAfter < result.bytesBefore / 4)
        let marker = try #require(Document(result.text).lines.first(where: Marker.isMarker))
        #expect(marker.contains("like the ones above omitted"))
        #expect(result.text.contains("\"POST /api HTTP/1.1\" 501 -"))
    }

    @Test func diffKeepsHeadersAndCountsWhatItLeavesOut() {
        let f = Fixture.named("git-diff/log-diff-range")
        let result = Saver(level: .aggressive, timeBudget: .seconds(10)).compress(f.text, context: f.context)
        let original = Document(f.text)
        let lines = lineSet(result.text)
        for line in original.lines where line.hasPrefix("diff --git ") || line.hasPrefix("+++ b/") || line.hasPrefix("--- a/") {
            #expect(lines.contains(String(line)))
        }
        #expect(result.text.contains(" omitted (+"))
        #expect(result.text.contains("unchanged lines omitted"))
    }

    @Test func grepGroupsByFileAndCountsTheRest() {
        let f = Fixture.named("grep/nio-grep-rn")
        let result = Saver(level: .aggressive, timeBudget: .seconds(10)).compress(f.text, context: f.context)
        #expect(result.filter == "grep")
        let output = Document(result.text)
        #expect(output.lines.first.map(Marker.isMarker) == true)
        #expect(output.lines.contains { $0.hasPrefix("… ") && $0.contains("more matches in ") })
    }

    @Test func gitStatusShortCountsHiddenEntriesByState() {
        let entries = (0..<150).map { " M Sources/Mod/File\($0).swift" } + (0..<80).map { "?? Scratch/New\($0).swift" } + ["D  Old.swift"]
        let text = entries.joined(separator: "\n") + "\n"
        let result = Saver(level: .aggressive, timeBudget: .seconds(10)).compress(text, context: ToolContext(command: "git status -s"))
        #expect(result.filter == "git-status")
        #expect(result.text.contains("“??” (untracked)"))
        #expect(result.text.contains("“D ” (deleted staged)"))
        #expect(result.text.contains("“ M” (modified not staged)"))
    }

    @Test func pathListsGroupByDirectory() {
        let f = Fixture.named("find/vapor-find-type-f")
        let result = Saver(timeBudget: .seconds(10)).compress(f.text, context: f.context)
        #expect(result.filter == "find")
        for line in Document(f.text).lines {
            let name = line.split(separator: "/").last.map(String.init) ?? ""
            #expect(result.text.contains(name))
        }
    }

    @Test func testRunnerKeepsFailuresAndDropsPasses() {
        let f = Fixture.named("swift-test/xctest-ring-failures")
        let result = Saver(timeBudget: .seconds(10)).compress(f.text, context: f.context)
        #expect(result.filter == "swift-test")
        #expect(!result.text.contains("Test Case 'RingTests.testPush3' passed"))
        #expect(result.text.contains("passing tests omitted"))
        #expect(result.text.contains("RingTests.swift:45: error: RingTests.testWrap : XCTAssertEqual failed"))
    }

    @Test func stackTraceCollapsesRecursion() {
        let f = Fixture.named("stacktrace/java-illegal-state")
        let result = Saver(timeBudget: .seconds(10)).compress(f.text, context: f.context)
        #expect(result.filter == "stacktrace")
        #expect(result.text.contains("more identical frames (at com.example.Inventory.step(Inventory.java:42))"))
    }

    @Test func treeKeepsEveryNameAtTheSafeLevel() {
        let f = Fixture.named("tree/nio-tree-L2")
        let result = Saver(timeBudget: .seconds(10)).compress(f.text, context: f.context)
        #expect(result.filter == "tree")
        for line in Document(f.text).lines {
            guard let (_, name) = TreeFilter.parse(line) else { continue }
            #expect(result.text.contains(name))
        }
    }

    @Test func buildDiagnosticsRepeatedWordForWordAreWrittenOnce() {
        let f = Fixture.named("build/clang-cext-errors")
        let result = Saver(timeBudget: .seconds(10)).compress(f.text, context: f.context)
        #expect(result.filter == "build")
        #expect(result.text.contains("repeating one above"))
    }

    @Test func problemLinesKeepTheirContext() {
        for level in [SaverLevel.safe, .aggressive] {
            let f = Fixture.named("logs/indexer-timestamped")
            let lines = Document(f.text).lines
            let result = lineSet(Saver(level: level, timeBudget: .seconds(10)).compress(f.text, context: f.context).text)
            for (i, line) in lines.enumerated() where line.contains(" ERROR ") || line.contains(" WARNING ") {
                #expect(result.contains(String(lines[i - 1])))
                if i + 1 < lines.count { #expect(result.contains(String(lines[i + 1]))) }
            }
        }
    }

    @Test func catOfAReportIsClassifiedByShape() {
        let f = Fixture.named("pytest/jmespath-two-failures")
        #expect(Classifier.classify(Document(f.text), context: ToolContext(toolName: "Bash", command: "cat pytest.log")) == .tests)
        #expect(Classifier.classify(Document(f.text), context: ToolContext(toolName: "Read", command: "pytest.log")) == .read)
    }
}
