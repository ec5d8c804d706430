import Foundation

/// Reads the tool call (tool name and command line) to guess what kind of output it produced.
enum CommandHint {
    /// The kind suggested by the context, or nil when the context says nothing useful.
    static func kind(for context: ToolContext) -> OutputKind? {
        let tool = context.toolName?.lowercased() ?? ""
        if !tool.isEmpty {
            if isReadTool(tool) { return .read }
            if tool == "grep" || tool.contains("search_file_content") || tool == "search" { return .grep }
            if tool == "glob" || tool == "ls" || tool.contains("list_dir") || tool.contains("list_files") || tool == "find" { return .pathList }
        }
        guard let command = context.command else { return nil }
        return kind(forCommand: command)
    }

    /// Whether a tool name is a file-reading tool (Claude `Read`, Gemini `read_file`, `view`…).
    static func isReadTool(_ name: String?) -> Bool {
        guard let tool = name?.lowercased() else { return false }
        return tool == "read" || tool.hasPrefix("read_") || tool == "view" || tool.contains("read_file") || tool == "open"
    }

    /// The kind suggested by a shell command line (`cd x && git diff --stat | head` → `.gitDiff`).
    static func kind(forCommand command: String) -> OutputKind? {
        let words = mainStage(of: command)
        guard var index = words.firstIndex(where: { !isPrefixWord($0) }) else { return nil }
        var program = basename(words[index])
        if program.hasPrefix("python"), index + 2 < words.count, words[index + 1] == "-m" {
            index += 2
            program = words[index]
        }
        let args = Array(words[(index + 1)...])
        let sub = args.first { !$0.hasPrefix("-") } ?? ""
        switch program {
        case "ls", "exa", "eza", "dir": return args.contains { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("R") } ? .listingRecursive : .listing
        case "find", "fd", "fdfind", "locate": return .pathList
        case "tree": return .tree
        case "grep", "egrep", "fgrep", "rg", "ag", "ack", "ugrep": return .grep
        case "git": return gitKind(args)
        case "pytest", "py.test", "tox", "nox", "unittest", "nose2", "green", "jest", "vitest", "mocha", "ava", "phpunit", "rspec", "ctest": return .tests
        case "cargo": return ["test", "nextest", "t"].contains(sub) ? .tests : .build
        case "swift": return sub == "test" ? .tests : .build
        case "go": return sub == "test" ? .tests : .build
        case "npm", "pnpm", "yarn", "bun":
            if ["test", "t"].contains(sub) { return .tests }
            if ["install", "i", "ci", "add", "update"].contains(sub) { return .install }
            return nil
        case "mvn", "mvnw", "gradle", "gradlew", "sbt", "dotnet":
            return args.contains { $0 == "test" || $0.hasSuffix(":test") } ? .tests : .build
        case "gcc", "g++", "cc", "c++", "clang", "clang++", "make", "cmake", "ninja", "tsc", "javac", "kotlinc",
             "rustc", "swiftc", "xcodebuild", "bazel", "meson": return .build
        case "pip", "pip3", "uv", "poetry", "pipenv", "conda", "gem", "bundle", "composer": return .install
        case "cat", "nl", "bat":
            return .read
        case "journalctl", "dmesg", "logcat": return .log
        case "jq": return .json
        default: return nil
        }
    }

    /// The kind of a git invocation, skipping global options such as `-C dir` and `-c key=value`.
    static func gitKind(_ args: [String]) -> OutputKind? {
        var i = 0
        while i < args.count, args[i].hasPrefix("-") {
            i += (args[i] == "-C" || args[i] == "-c") ? 2 : 1
        }
        guard i < args.count else { return nil }
        let rest = args[(i + 1)...]
        switch args[i] {
        case "status": return .gitStatus
        case "diff", "show", "format-patch", "stash": return .gitDiff
        case "log", "whatchanged", "reflog":
            return rest.contains { $0 == "-p" || $0 == "--patch" || $0 == "-u" } ? .gitDiff : .gitLog
        case "grep": return .grep
        case "ls-files": return .pathList
        default: return nil
        }
    }

    /// The words of the stage whose output the model sees: the last command of a `&&`/`;` chain,
    /// the first stage of a pipeline (later stages like `head` or `grep` only select lines).
    static func mainStage(of command: String) -> [String] {
        var last = Substring(command)
        for separator in ["&&", "||", ";", "\n"] {
            if let range = last.range(of: separator, options: .backwards) { last = last[range.upperBound...] }
        }
        let firstStage = last.split(separator: "|", maxSplits: 1).first ?? last
        return firstStage.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word in
            String(word).trimmingQuotes()
        }
    }

    /// Words that run another program: environment assignments, `sudo`, `time`, `env`, `npx`…
    static func isPrefixWord(_ word: String) -> Bool {
        if word.contains("="), !word.hasPrefix("-") { return true }
        return ["sudo", "time", "env", "nice", "command", "exec", "npx", "bunx", "pnpx", "stdbuf", "timeout", "xargs", "uv", "poetry", "run"].contains(word)
            || word.allSatisfy(\.isNumber)
    }

    /// The last path component of a program name.
    static func basename(_ word: String) -> String {
        if let slash = word.lastIndex(of: "/") { return String(word[word.index(after: slash)...]) }
        return word
    }
}

extension String {
    /// The string without one pair of surrounding quotes.
    func trimmingQuotes() -> String {
        if count >= 2, let f = first, let l = last, f == l, f == "'" || f == "\"" { return String(dropFirst().dropLast()) }
        return self
    }
}
