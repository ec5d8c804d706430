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
        if let found = line.utf8.withContiguousStorageIfAvailable({ scanSummary($0) }) { return found }
        return Array(line.utf8).withUnsafeBufferPointer { scanSummary($0) }
    }

    /// Phrases that make a line a summary, grouped by their first byte so one pass over the line finds them.
    static let summaryPhrases: [UInt8: [StaticString]] = {
        let phrases: [StaticString] = [
            "test result:", "Tests run:", "Test run with", "Build complete", "Build succeeded", "Build failed", "BUILD SUCCESS",
            "BUILD FAILURE", "BUILD FAILED", "BUILD SUCCESSFUL", "Compiling failed", "Finished `", "Successfully installed",
            "Successfully built", "exit status", "exit code", "Exit code", "exited with", "Process finished", "no tests ran",
            "Tests:", "Test Suites:",
        ]
        var table: [UInt8: [StaticString]] = [:]
        for phrase in phrases { table[phrase.utf8Start[0], default: []].append(phrase) }
        return table
    }()

    /// Words that, after a number, make a count worth keeping (`121 passed`, `2 failures`).
    static let countedWords: [StaticString] = [
        "passed", "failed", "failures", "failure", "errors", "error", "warnings", "warning", "skipped", "tests", "test",
        "xfailed", "xpassed", "deselected", "ignored", "directories", "files", "suites", "issues", "issue",
    ]

    /// One pass: a summary phrase anywhere, or a number followed by a space and a counted word.
    static func scanSummary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        var inDigits = false
        while i < n {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                inDigits = true
                i += 1
                continue
            }
            if inDigits, b == 0x20, i + 1 < n {
                for word in countedWords where startsAt(bytes, i + 1, word) {
                    let after = i + 1 + word.utf8CodeUnitCount
                    if after == n || !TokenEstimator.isLetter(bytes[after]) { return true }
                }
            }
            inDigits = false
            if b == 0x42 || b == 0x43 || b == 0x45 || b == 0x46 || b == 0x50 || b == 0x53 || b == 0x54 || b == 0x65 || b == 0x6E || b == 0x74,
               let candidates = summaryPhrases[b] {
                for phrase in candidates where startsAt(bytes, i, phrase) { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether `phrase` occurs in `bytes` at `index`.
    @inline(__always) static func startsAt(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ phrase: StaticString) -> Bool {
        let count = phrase.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let p = phrase.utf8Start
        for k in 0..<count where bytes[index + k] != p[k] { return false }
        return true
    }

    /// Problem or summary.
    static func mustKeep(_ line: Substring) -> Bool { isProblem(line) || isSummary(line) }
}
