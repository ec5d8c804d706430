import Foundation
import Testing
@testable import JunctionSaver

/// Which filter each real output goes to, with and without the command that produced it.
@Suite struct ClassifierTests {
    /// The kinds a category's fixtures may be classified as.
    static let expected: [String: Set<OutputKind>] = [
        "build": [.build], "cargo-test": [.tests], "find": [.pathList], "git-diff": [.gitDiff], "git-log": [.gitLog, .gitDiff],
        "git-show": [.gitDiff], "git-status": [.gitStatus], "grep": [.grep, .pathList], "json": [.json], "logs": [.log],
        "ls": [.listing, .listingRecursive], "pip": [.install, .build], "pytest": [.tests], "read": [.read],
        "stacktrace": [.stackTrace], "swift-test": [.tests], "tests": [.tests], "tree": [.tree],
    ]

    @Test("classified with the command", arguments: Fixture.all)
    func withCommand(fixture: Fixture) throws {
        let kind = Classifier.classify(Document(Noise.strip(fixture.text)), context: fixture.context)
        let allowed = try #require(Self.expected[fixture.category])
        #expect(allowed.contains(kind) || fixture.text.utf8.count < 1024, "\(fixture.testDescription) → \(kind)")
    }

    /// Outputs whose shape alone is ambiguous without the command (a `git diff --stat`, a `grep -c` with spaces in paths).
    static let needCommand: Set<String> = ["git-diff/nio-diff-stat", "grep/collections-rg-count", "git-status/nio-status-short", "json/swiftlog-describe", "pip/pip-install-nomatch"]

    @Test("classified from structure alone", arguments: Fixture.all)
    func withoutCommand(fixture: Fixture) throws {
        guard !Self.needCommand.contains(fixture.testDescription), fixture.text.utf8.count >= 1024 else { return }
        let kind = Classifier.classify(Document(Noise.strip(fixture.text)), context: ToolContext())
        let allowed = try #require(Self.expected[fixture.category])
        #expect(allowed.contains(kind) || fixture.category == "ls" && kind == .pathList, "\(fixture.testDescription) → \(kind)")
    }

    @Test(arguments: [
        ("git status", OutputKind.gitStatus), ("cd repo && git diff --stat | head -50", .gitDiff), ("git log -p -3", .gitDiff),
        ("git log --oneline", .gitLog), ("git -C /x show HEAD", .gitDiff), ("rg -n foo src", .grep), ("grep -rn TODO .", .grep),
        ("find . -name '*.swift'", .pathList), ("tree -L 2", .tree), ("ls -la", .listing), ("ls -R", .listingRecursive),
        ("python -m pytest -x tests", .tests), ("cargo test --lib", .tests), ("cargo build", .build), ("swift test", .tests),
        ("swift build -c release", .build), ("npm install", .install), ("pip install requests", .install),
        ("RUST_BACKTRACE=1 cargo test", .tests), ("mvn -o test", .tests), ("javac Foo.java", .build), ("cat -n file.swift", .read),
    ])
    func commandHints(command: String, kind: OutputKind) {
        #expect(CommandHint.kind(forCommand: command) == kind)
    }

    @Test func toolNamesHint() {
        #expect(CommandHint.kind(for: ToolContext(toolName: "Read", command: "/a/b.swift")) == .read)
        #expect(CommandHint.kind(for: ToolContext(toolName: "Grep", command: "foo")) == .grep)
        #expect(CommandHint.kind(for: ToolContext(toolName: "Glob", command: "**/*.swift")) == .pathList)
        #expect(CommandHint.kind(for: ToolContext(toolName: "Bash", command: "git status -s")) == .gitStatus)
        #expect(CommandHint.kind(for: ToolContext(toolName: "Bash", command: "./run-something")) == nil)
    }
}
