/// What a model can take or do beyond plain text: tools, images, extended thinking.
///
/// Routing uses it both ways: a model declares what it supports, and a request declares what it uses,
/// so that a target lacking something the request needs is skipped before it fails.
public struct ModelCapabilities: OptionSet, Sendable, Hashable, Codable {
    /// The raw bit set.
    public let rawValue: Int

    /// Creates a set from raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Function or tool calling.
    public static let tools = ModelCapabilities(rawValue: 1 << 0)
    /// Image inputs.
    public static let images = ModelCapabilities(rawValue: 1 << 1)
    /// Extended thinking / reasoning output that the client can ask for.
    public static let thinking = ModelCapabilities(rawValue: 1 << 2)

    /// The capability names used in configuration files and docs (`tools`, `images`, `thinking`).
    public var names: [String] {
        var result: [String] = []
        if contains(.tools) { result.append("tools") }
        if contains(.images) { result.append("images") }
        if contains(.thinking) { result.append("thinking") }
        return result
    }

    /// Parses capability names as written in configuration files; unknown names are ignored.
    public init(names: [String]) {
        var value: ModelCapabilities = []
        for name in names {
            switch name.lowercased() {
            case "tools", "tool", "functions", "function_calling": value.insert(.tools)
            case "images", "image", "vision": value.insert(.images)
            case "thinking", "reasoning": value.insert(.thinking)
            default: break
            }
        }
        self = value
    }
}
