/// Recognises lines that must survive every filter: reports of errors, failures, warnings, panics and exceptions, and summaries.
enum Importance {
    /// Whether `line` reports an error, failure, warning, panic or exception (case-insensitive).
    static func isProblem(_ line: Substring) -> Bool {
        var copy = line
        return copy.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i] | 0x20
                switch b {
                case 0x65:  // e
                    if matches(bytes, i, "rror") || matches(bytes, i, "xception") { return true }
                case 0x66:  // f
                    if matches(bytes, i, "ail") || matches(bytes, i, "atal") { return true }
                case 0x77:  // w
                    if matches(bytes, i, "arn") { return true }
                case 0x70:  // p
                    if matches(bytes, i, "anic") { return true }
                case 0x74:  // t
                    if matches(bytes, i, "raceback") { return true }
                case 0xE2:  // ✘ ✗ ✕ (E2 9C 98 / 97 / 95)
                    if bytes[i] == 0xE2, i + 2 < n, bytes[i + 1] == 0x9C, [0x95, 0x97, 0x98].contains(bytes[i + 2]) { return true }
                default: break
                }
                i += 1
            }
            return false
        }
    }

    /// Whether the bytes after `i` spell `rest` (ASCII, case-insensitive).
    @inline(__always) static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ rest: StaticString) -> Bool {
        let count = rest.utf8CodeUnitCount
        guard i + count < bytes.count else { return false }
        let p = rest.utf8Start
        for k in 0..<count where bytes[i + 1 + k] | 0x20 != p[k] { return false }
        return true
    }

    /// Whether `line` is a summary a model needs: counts of tests, failures, errors or warnings (`2 failed, 121 passed`,
    /// `Executed 43 tests, with 2 failures`, `Tests run: 5, Failures: 1`), build results, installs and exit status.
    static func isSummary(_ line: Substring) -> Bool {
        for needle in summaryPhrases where line.contains(needle) { return true }
        return hasCountedWord(line)
    }

    static let summaryPhrases = [
        "test result:", "Tests run:", "Test run with", "Build complete", "Build succeeded", "Build failed", "BUILD SUCCESS",
        "BUILD FAILURE", "BUILD FAILED", "BUILD SUCCESSFUL", "Compiling failed", "Finished `", "Successfully installed",
        "Successfully built", "exit status", "exit code", "Exit code", "exited with", "Process finished", "no tests ran",
        "Tests:", "Test Suites:",
    ]

    static let countedWords = [
        "passed", "failed", "failures", "failure", "errors", "error", "warnings", "warning", "skipped", "tests", "test",
        "xfailed", "xpassed", "deselected", "ignored", "directories", "files", "suites", "issues", "issue",
    ]

    /// A number followed by a space and a counted word, e.g. `121 passed` or `2 failures`.
    static func hasCountedWord(_ line: Substring) -> Bool {
        let u = line.utf8
        var i = u.startIndex
        var inDigits = false
        while i != u.endIndex {
            let b = u[i]
            if b >= 0x30 && b <= 0x39 {
                inDigits = true
            } else {
                if inDigits, b == 0x20 {
                    let rest = line[line.utf8.index(after: i)...]
                    for word in countedWords where rest.hasPrefix(word) {
                        let after = rest.dropFirst(word.count).first
                        if after == nil || !(after!.isLetter) { return true }
                    }
                }
                inDigits = false
            }
            i = u.index(after: i)
        }
        return false
    }

    /// Problem or summary.
    static func mustKeep(_ line: Substring) -> Bool { isProblem(line) || isSummary(line) }
}
