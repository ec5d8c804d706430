import Foundation

/// The test runners the test filter recognises, each with the lines that only report a pass or progress.
enum TestDialect: String, Sendable {
    case pytest
    case cargo = "cargo-test"
    case swift = "swift-test"
    case goTest = "go-test"
    case jest
    case junit
    case unittest
    case nodeTest = "node-test"

    /// The runner whose markers appear in `lines`, if any.
    static func detect(_ lines: ArraySlice<Substring>) -> TestDialect? {
        for line in lines {
            guard let first = line.utf8.first else { continue }
            switch first {
            case 0x3D:  // =
                if line.begins("=====") && (line.has(" test session starts ") || line.has(" FAILURES ") || line.has(" passed") || line.has(" failed")) { return .pytest }
                if line.begins("=== RUN ") { return .goTest }
            case 0x74:  // t
                if line.begins("test result: ") { return .cargo }
            case 0x72:  // r
                if line.begins("running "), line.hasSuffix(" tests") || line.hasSuffix(" test") { return .cargo }
            case 0x54:  // T
                if line.begins("Test Suite '") || line.begins("Test Case '") { return .swift }
                if line.begins("Tests:  ") || line.begins("Test Suites: ") { return .jest }
                if line.begins("TAP version ") { return .nodeTest }
                if line.begins("Tests run: "), line.has("Failures: ") { return .junit }
            case 0xE2:  // ◇ ✔ ✘ ℹ
                if line.begins("◇ Test") || line.begins("✔ Test") || line.begins("✘ Test") { return .swift }
                if line.begins("ℹ tests ") { return .nodeTest }
            case 0x2D:  // -
                if line.begins("--- FAIL: ") || line.begins("--- PASS: ") { return .goTest }
            case 0x20:
                if line.begins(" PASS  ") || line.begins(" FAIL  ") { return .jest }
            case 0x5B:  // [INFO] Tests run: …
                if line.has("Tests run: "), line.has("Failures: ") { return .junit }
            case 0x52:  // R
                if line.begins("Ran "), line.has(" test"), line.has(" in ") { return .unittest }
            case 0x23:  // #
                if line.begins("# Subtest: ") { return .nodeTest }
            default: break
            }
        }
        return nil
    }

    /// What a dropped line was, for the marker that replaces it.
    enum Noise: String {
        case pass = "passing test"
        case progress = "progress line"
        case frame = "runtime backtrace line"
    }

    /// Why `line` can go, or nil when it stays. Problem lines always stay.
    func noise(_ line: Substring, level: SaverLevel) -> Noise? {
        if Self.isBuildProgress(line) { return .progress }
        switch self {
        case .pytest:
            if line.hasSuffix(" PASSED") || line.has(" PASSED ") && line.hasSuffix("%]") { return .pass }
            if Self.isDotProgress(line) { return .progress }
            if level == .aggressive, ["platform ", "cachedir: ", "rootdir: ", "plugins: ", "benchmark: ", "hypothesis profile", "configfile: "].contains(where: { line.hasPrefix($0) }) { return .progress }
        case .cargo:
            if line.begins("test "), line.hasSuffix(" ... ok") { return .pass }
            if Self.isLibraryFrame(line) { return .frame }
        case .swift:
            if line.begins("◇ Test") || line.begins("◇ Suite") { return line.hasSuffix(" started.") ? .pass : nil }
            if line.begins("✔ Test "), !line.begins("✔ Test run with") { return .pass }
            if line.begins("✔ Suite ") { return .pass }
            if line.begins("Test Case '"), line.hasSuffix("' started.") || line.has("' passed (") { return .pass }
            if line.begins("Test Suite '"), line.has("' started at ") { return .pass }
        case .goTest:
            let body = line.drop { $0 == " " }
            if body.begins("=== RUN ") || body.begins("=== PAUSE ") || body.begins("=== CONT ") || body.begins("--- PASS: ") { return .pass }
        case .jest:
            let body = line.drop { $0 == " " }
            if body.begins("✓ ") || body.begins("√ ") { return .pass }
        case .nodeTest:
            if line.begins("✔ ") || line.begins("# Subtest: ") || line.begins("ok ") { return .pass }
            if Self.isLibraryFrame(line) { return .frame }
        case .unittest:
            if line.hasSuffix(" ... ok") { return .pass }
        case .junit:
            if line.begins("[INFO] Download") || line.begins("Download") { return .progress }
        }
        return nil
    }

    /// `[12/45] Compiling Foo Bar.swift`, `Building for debugging...`, `[0/1] Planning build`.
    static func isBuildProgress(_ line: Substring) -> Bool {
        if line == "Building for debugging..." || line == "Building for production..." { return true }
        guard line.begins("["), let close = line.firstIndex(of: "]") else { return false }
        let inside = line[line.index(after: line.startIndex)..<close]
        guard let slash = inside.firstIndex(of: "/"), inside[..<slash].allSatisfy(\.isNumber),
              inside[inside.index(after: slash)...].allSatisfy(\.isNumber), !inside[..<slash].isEmpty else { return false }
        return !Importance.isProblem(line)
    }

    /// A pytest progress line made only of dots: `tests/test_x.py ........ [ 20%]` or `........ [ 45%]`.
    static func isDotProgress(_ line: Substring) -> Bool {
        var body = line
        if let percent = body.range(of: " [", options: .backwards), body.hasSuffix("%]") { body = body[..<percent.lowerBound] }
        body = body.trimmingSpaces()
        if let space = body.lastIndex(of: " ") {
            guard body[..<space].hasSuffix(".py") else { return false }
            body = body[body.index(after: space)...]
        }
        return !body.isEmpty && body.allSatisfy { $0 == "." }
    }

    /// A backtrace line inside the runtime or standard library (`at /rustc/…`, numbered `core::…` frames, `node:internal`).
    static func isLibraryFrame(_ line: Substring) -> Bool {
        let body = line.drop { $0 == " " }
        if body.begins("at "), line.has("(node:internal/") || line.has("(node:async_hooks") { return true }
        if body.begins("at /rustc/") || body.begins("at /root/.cargo/registry") || body.has("/library/std/") { return true }
        let digits = body.prefix { $0.isNumber }
        guard !digits.isEmpty, body.dropFirst(digits.count).begins(": ") else { return false }
        let symbol = body.dropFirst(digits.count + 2)
        return ["core::", "std::", "__rustc::", "<fn()", "alloc::", "test::", "<alloc::", "<core::", "__libc", "_start", "clone", "start_thread"].contains { symbol.hasPrefix($0) }
    }
}
