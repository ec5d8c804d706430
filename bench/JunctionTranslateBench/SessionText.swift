import JunctionWire

/// The deterministic wording of a ``Session``: prompt, tool schemas, user requests and tool calls.
enum SessionText {
    static let systemPrompt: String = {
        let rules = [
            "You are a senior software engineer working in the user's repository through the tools below.",
            "Read the relevant files before you change them, and keep every change as small as the task allows.",
            "Run the test suite after each change; when a test fails, read its output before you try again.",
            "Never invent file paths or APIs: search the code with grep and glob when you are unsure.",
            "Prefer editing an existing file to creating a new one, and never commit secrets or credentials.",
            "When a command takes longer than two minutes, run it in the background and poll its output.",
            "Explain what you changed and why in two or three sentences when the task is done.",
            "Follow the project's style guide: small files, one primary type each, documentation on public types.",
        ]
        return (0..<6).map { round in rules.map { "\(round + 1). \($0)" }.joined(separator: "\n") }.joined(separator: "\n\n")
    }()

    static let closingUser = "Thanks. Now run the whole test suite once more and summarise what is still failing, if anything."

    static let tools: [Session.Tool] = [
        tool("bash", "Runs a shell command in the repository and returns its combined output.",
             ["command": string("The command line to run."), "timeout_ms": integer("Kill the command after this many milliseconds."),
              "run_in_background": boolean("Start the command and return at once.")], required: ["command"]),
        tool("read_file", "Reads a file, optionally a range of lines.",
             ["path": string("Absolute path of the file."), "offset": integer("First line to read, 1-based."),
              "limit": integer("How many lines to read.")], required: ["path"]),
        tool("write_file", "Creates or overwrites a file with the given content.",
             ["path": string("Absolute path of the file."), "content": string("The complete new content.")], required: ["path", "content"]),
        tool("edit_file", "Replaces an exact string in a file with another.",
             ["path": string("Absolute path of the file."), "old_string": string("The exact text to replace; must be unique."),
              "new_string": string("The replacement text."), "replace_all": boolean("Replace every occurrence.")],
             required: ["path", "old_string", "new_string"]),
        tool("grep", "Searches file contents with a regular expression.",
             ["pattern": string("The regular expression."), "path": string("Directory or file to search."),
              "glob": string("Only files matching this glob."),
              "output_mode": .object(["type": "string", "enum": ["content", "files_with_matches", "count"]])], required: ["pattern"]),
        tool("glob", "Lists files whose paths match a glob pattern, newest first.",
             ["pattern": string("A glob such as Sources/**/*.swift."), "path": string("Directory to search.")], required: ["pattern"]),
        tool("web_fetch", "Fetches a URL and returns its text content.",
             ["url": string("The URL to fetch."), "prompt": string("What to extract from the page.")], required: ["url"]),
        tool("todo_write", "Replaces the task list shown to the user.",
             ["todos": .object(["type": "array", "items": .object(["type": "object", "properties": .object([
                 "content": string("The task."), "status": .object(["type": "string", "enum": ["pending", "in_progress", "completed"]]),
                 "id": string("A stable id.")]), "required": ["content", "status", "id"]])])], required: ["todos"]),
    ]

    private static let requests = [
        "The integration tests fail since yesterday's merge. Find out why and fix it.",
        "Can you also check that the retry budget is honoured when the upstream times out?",
        "Please look at the build warnings too; I would like the release build to be clean.",
        "The logs show duplicate entries in the ledger. Where do they come from?",
    ]

    private static let remarks = [
        "Let me look at the failing test output first.",
        "I'll search for where the retry budget is consumed.",
        "The error points at the ledger writer; reading it now.",
        "That narrows it down. Let me check the configuration loader.",
        "I'll run the focused tests again to confirm the fix.",
    ]

    private static let commands = [
        "swift test --filter RoutingTests 2>&1 | tail -200", "git log --oneline -20", "cargo build --release 2>&1",
        "npm test -- --runInBand", "pytest -x -q tests/test_ledger.py", "grep -rn \"retryBudget\" Sources/",
    ]

    /// The `index`th turn: a user request every fourth turn, a remark, and one or two tool calls.
    static func turn(_ index: Int, corpus: inout TextCorpus) -> Session.Turn {
        let user = index % 4 == 0 ? requests[(index / 4) % requests.count] : nil
        var calls: [Session.Call] = []
        for position in 0..<(index % 3 == 2 ? 2 : 1) {
            let id = "call_\(String(index * 7919 + position * 104_729, radix: 36))x\(index)"
            let output = corpus.slice(limit: 1500 + (index * 977 + position * 313) % 3500)
            switch (index + position) % 4 {
            case 0: calls.append(Session.Call(id: id, name: "bash", arguments: ["command": .string(commands[index % commands.count]), "timeout_ms": 120_000], output: output))
            case 1: calls.append(Session.Call(id: id, name: "read_file", arguments: ["path": .string("/repo/Sources/Gateway/File\(index).swift"), "offset": 1, "limit": 400], output: output))
            case 2: calls.append(Session.Call(id: id, name: "grep", arguments: ["pattern": "func (retry|backoff)\\(", "path": "/repo/Sources", "output_mode": "content"], output: output))
            default:
                let old = "        let delay = base * pow(2, attempt)\n        try await Task.sleep(for: .milliseconds(delay))"
                let new = "        let delay = min(base * pow(2, attempt), cap)\n        try await clock.sleep(for: .milliseconds(delay))"
                calls.append(Session.Call(id: id, name: "edit_file", arguments: ["path": .string("/repo/Sources/Gateway/Retry\(index).swift"), "old_string": .string(old), "new_string": .string(new)], output: "The file was updated.\n" + output.prefix(400)))
            }
        }
        return Session.Turn(user: user, assistant: remarks[index % remarks.count], calls: calls)
    }

    private static func tool(_ name: String, _ description: String, _ properties: [String: JSONValue], required: [String]) -> Session.Tool {
        let members = properties.keys.sorted().map { JSONObject.Member(key: $0, value: properties[$0]!) }
        let schema: JSONValue = ["type": "object", "properties": .object(JSONObject(members)), "required": .array(required.map { .string($0) }), "additionalProperties": false]
        return Session.Tool(name: name, description: description, schema: schema)
    }

    private static func string(_ description: String) -> JSONValue { ["type": "string", "description": .string(description)] }
    private static func integer(_ description: String) -> JSONValue { ["type": "integer", "description": .string(description), "minimum": 0] }
    private static func boolean(_ description: String) -> JSONValue { ["type": "boolean", "description": .string(description)] }
}
