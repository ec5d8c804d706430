import JunctionWire

/// A client-defined function tool.
public struct CanonicalTool: Sendable, Hashable {
    /// The function name.
    public var name: String
    /// What the tool does.
    public var description: String?
    /// The JSON Schema of the arguments, as the client wrote it.
    public var parameters: JSONValue
    /// OpenAI's strict schema adherence flag.
    public var strict: Bool?
    /// A prompt-cache breakpoint after this tool.
    public var cacheMark: CacheMark?

    /// A tool with the given name and schema.
    public init(name: String, description: String? = nil, parameters: JSONValue = ["type": "object", "properties": [:]], strict: Bool? = nil, cacheMark: CacheMark? = nil) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.strict = strict
        self.cacheMark = cacheMark
    }
}

/// How the model may use tools.
public enum CanonicalToolChoice: Sendable, Hashable {
    /// The model decides.
    case auto
    /// No tool calls.
    case none
    /// At least one tool call (OpenAI `required`, Anthropic `any`, Gemini `ANY`).
    case required
    /// This tool must be called.
    case tool(String)
}
