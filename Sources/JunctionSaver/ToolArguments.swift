import Foundation

/// Extracts the command, path or pattern that matters to the saver from a tool call's JSON arguments.
public enum ToolArguments {
    /// Keys tried in order on a JSON object; the first string (or array of strings) found wins.
    static let commandKeys = ["command", "cmd", "script", "file_path", "filePath", "absolute_path", "path", "pattern", "query", "glob"]

    /// Returns the shell command (Claude `Bash`, Codex `shell`, Gemini `run_shell_command`), file path (`Read`) or pattern (`Grep`) from `json`.
    ///
    /// Codex sends `{"command": ["bash", "-lc", "git status"]}`: the script after `-c`/`-lc` is returned; other arrays are joined with spaces.
    /// A `Grep` call returns its pattern followed by its path, so the caller sees what was searched where.
    public static func command(fromJSON json: String, toolName: String? = nil) -> String? {
        guard let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let dict = object as? [String: Any]
        else { return nil }
        let tool = toolName?.lowercased() ?? ""
        if tool.contains("grep") || tool.contains("search"), let pattern = dict["pattern"] as? String {
            if let path = dict["path"] as? String { return "\(pattern) \(path)" }
            return pattern
        }
        for key in commandKeys {
            if let value = dict[key], let text = commandText(value) { return text }
        }
        return nil
    }

    /// Turns a string or an argv array into one command line.
    static func commandText(_ value: Any) -> String? {
        if let text = value as? String { return text.isEmpty ? nil : text }
        guard let parts = value as? [Any] else { return nil }
        let argv = parts.compactMap { $0 as? String }
        guard !argv.isEmpty else { return nil }
        if argv.count >= 3, ["bash", "sh", "zsh", "/bin/bash", "/bin/sh", "/bin/zsh"].contains(argv[0]),
           argv[1] == "-c" || argv[1] == "-lc" || argv[1] == "-ic" {
            return argv[2]
        }
        return argv.joined(separator: " ")
    }
}
