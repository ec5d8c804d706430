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

    /// Whether `line` is a summary a model needs: counts of passed and failed tests, build results, exit status.
    static func isSummary(_ line: Substring) -> Bool {
        let lower = line.lowercased()
        for needle in summaryNeedles where lower.contains(needle) { return true }
        return false
    }

    static let summaryNeedles = [
        " passed", "passed,", " failed", "test result:", "executed ", "tests run:", "test run with", "test suite '",
        "build complete", "build succeeded", "build success", "build failure", "build failed", "compiling failed",
        "finished `", "finished dev", "finished release", "successfully installed", "successfully built",
        "exit status", "exit code", "exited with", "process finished", "errors generated", "warnings generated",
        " directories, ", "tests:", "test suites:", "snapshots:", "ran ", "no tests ran", "collected ",
    ]

    /// Problem or summary.
    static func mustKeep(_ line: Substring) -> Bool { isProblem(line) || isSummary(line) }
}
