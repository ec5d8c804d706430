/// What the saver knows about the tool call that produced an output.
public struct ToolContext: Sendable, Equatable {
    /// The tool's name as the client sent it (`Bash`, `Read`, `Grep`, `shell`, …).
    public var toolName: String?
    /// The shell command, the path of a file read or the search pattern, extracted from the tool arguments.
    public var command: String?
    /// The raw JSON text of the tool-call arguments, if any.
    public var arguments: String?
    /// Whether the tool result was flagged as an error; such results only lose ANSI and progress noise.
    public var isError: Bool

    /// Creates a context; when `command` is nil it is extracted from `arguments` with ``ToolArguments/command(fromJSON:toolName:)``.
    public init(toolName: String? = nil, command: String? = nil, arguments: String? = nil, isError: Bool = false) {
        self.toolName = toolName
        self.arguments = arguments
        self.isError = isError
        if let command {
            self.command = command
        } else if let arguments {
            self.command = ToolArguments.command(fromJSON: arguments, toolName: toolName)
        } else {
            self.command = nil
        }
    }
}
