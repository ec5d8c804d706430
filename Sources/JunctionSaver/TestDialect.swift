import Foundation

/// The test runners the test filter recognises, each with the lines that only report a pass or progress.
enum TestDialect: String, Sendable {
    case pytest
    case cargo = "cargo-test"
    case swift = "swift-test"
    case goTest = "go-test"
    case jest
    case junit

    /// The runner whose markers appear in `lines`, if any.
    static func detect(_ lines: ArraySlice<Substring>) -> TestDialect? {
        for line in lines {
            if line.hasPrefix("=====") && (line.contains(" test session starts ") || line.contains(" FAILURES ") || line.contains(" passed") || line.contains(" failed")) { return .pytest }
            if line.hasPrefix("test result: ") || line.hasPrefix("running ") && line.hasSuffix(" tests") { return .cargo }
            if line.hasPrefix("Test Suite '") || line.hasPrefix("Test Case '") || line.hasPrefix("◇ Test") || line.hasPrefix("✔ Test") || line.hasPrefix("✘ Test") { return .swift }
            if line.hasPrefix("=== RUN ") || line.hasPrefix("--- FAIL: ") || line.hasPrefix("--- PASS: ") { return .goTest }
            if line.hasPrefix("Tests:  ") || line.hasPrefix("Test Suites: ") || line.hasPrefix(" PASS  ") || line.hasPrefix(" FAIL  ") { return .jest }
            if line.contains("Tests run: "), line.contains("Failures: ") { return .junit }
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
            if line.hasSuffix(" PASSED") || line.contains(" PASSED ") && line.hasSuffix("%]") { return .pass }
            if Self.isDotProgress(line) { return .progress }
            if level == .aggressive, ["platform ", "cachedir: ", "rootdir: ", "plugins: ", "benchmark: ", "hypothesis profile", "configfile: "].contains(where: { line.hasPrefix($0) }) { return .progress }
        case .cargo:
            if line.hasPrefix("test "), line.hasSuffix(" ... ok") { return .pass }
            if Self.isLibraryFrame(line) { return .frame }
        case .swift:
            if line.hasPrefix("◇ Test") || line.hasPrefix("◇ Suite") { return line.hasSuffix(" started.") ? .pass : nil }
            if line.hasPrefix("✔ Test "), !line.hasPrefix("✔ Test run with") { return .pass }
            if line.hasPrefix("✔ Suite ") { return .pass }
            if line.hasPrefix("Test Case '"), line.hasSuffix("' started.") || line.contains("' passed (") { return .pass }
            if line.hasPrefix("Test Suite '"), line.contains("' started at ") { return .pass }
        case .goTest:
            let body = line.drop { $0 == " " }
            if body.hasPrefix("=== RUN ") || body.hasPrefix("=== PAUSE ") || body.hasPrefix("=== CONT ") || body.hasPrefix("--- PASS: ") { return .pass }
        case .jest:
            let body = line.drop { $0 == " " }
            if body.hasPrefix("✓ ") || body.hasPrefix("√ ") { return .pass }
        case .junit:
            if line.hasPrefix("[INFO] Download") || line.hasPrefix("Download") { return .progress }
        }
        return nil
    }

    /// `[12/45] Compiling Foo Bar.swift`, `Building for debugging...`, `[0/1] Planning build`.
    static func isBuildProgress(_ line: Substring) -> Bool {
        if line == "Building for debugging..." || line == "Building for production..." { return true }
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
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

    /// A backtrace line inside the runtime or standard library (`at /rustc/…`, numbered `core::…` frames).
    static func isLibraryFrame(_ line: Substring) -> Bool {
        let body = line.drop { $0 == " " }
        if body.hasPrefix("at /rustc/") || body.hasPrefix("at /root/.cargo/registry") || body.contains("/library/std/") { return true }
        let digits = body.prefix { $0.isNumber }
        guard !digits.isEmpty, body.dropFirst(digits.count).hasPrefix(": ") else { return false }
        let symbol = body.dropFirst(digits.count + 2)
        return ["core::", "std::", "__rustc::", "<fn()", "alloc::", "test::", "<alloc::", "<core::", "__libc", "_start", "clone", "start_thread"].contains { symbol.hasPrefix($0) }
    }
}
