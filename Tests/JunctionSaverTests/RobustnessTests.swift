import Foundation
import Testing
@testable import JunctionSaver

/// Cut real outputs at odd places (mid-hunk, mid-JSON, mid-traceback): the saver must stay within its guarantees.
@Suite struct RobustnessTests {
    static let cuts: [Double] = [0.13, 0.37, 0.61, 0.89]

    @Test("truncated outputs keep the guarantees", arguments: Fixture.all)
    func truncated(fixture: Fixture) {
        let characters = Array(fixture.text)
        for cut in Self.cuts {
            let at = Int(Double(characters.count) * cut)
            for piece in [String(characters[..<at]), String(characters[at...])] {
                for level in [SaverLevel.safe, .aggressive] {
                    let saver = Saver(level: level, timeBudget: .seconds(10))
                    let once = saver.compress(piece, context: fixture.context)
                    #expect(once.bytesAfter <= once.bytesBefore)
                    #expect(saver.compress(once.text, context: fixture.context).text == once.text, "\(fixture.testDescription) cut \(cut)")
                }
            }
        }
    }

    @Test func oddInputsDoNotTrap() {
        let inputs = [
            String(repeating: "\n", count: 5000),
            String(repeating: "é", count: 3000),
            String(repeating: "[", count: 3000),
            String(repeating: "{\"a\":", count: 800),
            "@@ -1,999 +1,999 @@\n" + String(repeating: "+x\n", count: 800),
            "diff --git a/x b/x\n@@ -a,b +c,d @@\n" + String(repeating: "-y\n", count: 800),
            String(repeating: "├── ", count: 500) + "\n" + String(repeating: "│   └── z\n", count: 300),
            String(repeating: "\u{1B}[", count: 1000),
            String(repeating: "\r", count: 2000) + "done",
            String(repeating: "  File \"", count: 400),
            String(repeating: "-rwxr-xr-x 1\n", count: 300),
        ]
        for input in inputs {
            for level in SaverLevel.allCases {
                let result = Saver(level: level, timeBudget: .seconds(10)).compress(input)
                #expect(result.bytesAfter <= result.bytesBefore)
            }
        }
    }

    /// Runner dialects not in the corpus (no Go or npm registry on the capture machine): their pass lines go.
    @Test(arguments: [
        ("=== RUN   TestParse\n--- PASS: TestParse (0.00s)\n",
         "--- FAIL: TestLimit (0.01s)\n    limit_test.go:42: got 3, want 4\nFAIL\nFAIL\texample.com/limit\t0.012s\n",
         "    limit_test.go:42: got 3, want 4", "go-test"),
        ("  ✓ renders the header (3 ms)\n",
         "  ✕ shows the footer (5 ms)\n  ● Footer › shows the footer\n    expect(received).toBe(expected)\n    at Object.<anonymous> (src/footer.test.js:12:5)\nTests:       1 failed, 40 passed, 41 total\n",
         "Tests:       1 failed, 40 passed, 41 total", "jest"),
    ])
    func otherDialectsDropPasses(passes: String, failure: String, kept: String, dialect: String) {
        let text = String(repeating: passes, count: 40) + failure
        let result = Saver(timeBudget: .seconds(10)).compress(text)
        #expect(result.filter == dialect)
        #expect(result.text.contains("passing test"))
        #expect(result.text.contains(kept))
        for line in failure.split(separator: "\n") { #expect(result.text.contains(line)) }
    }
}
