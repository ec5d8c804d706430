import Testing
@testable import JunctionSaver

/// Extracting the command, path or pattern from the JSON arguments of common agents' tools.
@Suite struct ToolArgumentsTests {
    @Test(arguments: [
        (#"{"command":"git diff --stat","description":"Show diff"}"#, "Bash", "git diff --stat"),
        (#"{"file_path":"/repo/Sources/a.swift","offset":10}"#, "Read", "/repo/Sources/a.swift"),
        (#"{"pattern":"func .*Handler","path":"Sources","output_mode":"content"}"#, "Grep", "func .*Handler Sources"),
        (#"{"pattern":"TODO"}"#, "Grep", "TODO"),
        (#"{"command":["bash","-lc","cargo test --lib"],"workdir":"/w"}"#, "shell", "cargo test --lib"),
        (#"{"command":["ls","-la","src"]}"#, "shell", "ls -la src"),
        (#"{"cmd":"pytest -q"}"#, "exec_command", "pytest -q"),
        (#"{"absolute_path":"/x/y.py"}"#, "read_file", "/x/y.py"),
        (#"{"pattern":"**/*.swift"}"#, "Glob", "**/*.swift"),
    ])
    func extracts(json: String, tool: String, command: String) {
        #expect(ToolArguments.command(fromJSON: json, toolName: tool) == command)
    }

    @Test func rejectsNonObjects() {
        #expect(ToolArguments.command(fromJSON: "[1,2]") == nil)
        #expect(ToolArguments.command(fromJSON: "not json") == nil)
        #expect(ToolArguments.command(fromJSON: #"{"other":1}"#) == nil)
    }

    @Test func contextExtractsFromArguments() {
        let context = ToolContext(toolName: "Bash", arguments: #"{"command":"git status"}"#)
        #expect(context.command == "git status")
        #expect(CommandHint.kind(for: context) == .gitStatus)
        #expect(ToolContext(toolName: "Bash", command: "ls", arguments: #"{"command":"git status"}"#).command == "ls")
    }
}
