/// A configuration file that cannot be used, with where and why.
///
/// Its description names the file, the line and the field, for example
/// `junction.yaml:12: providers[0].base_url: expected an http or https URL`.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// The file that was read, or `nil` for flags and built-in defaults.
    public var file: String?
    /// The 1-based line, when the YAML parser knew it.
    public var line: Int?
    /// The dotted path of the field, for example `providers[0].api_keys[1]`.
    public var field: String?
    public var message: String

    public init(file: String?, line: Int?, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var location = file ?? "configuration"
        if let line { location += ":\(line)" }
        if let field, !field.isEmpty { return "\(location): \(field): \(message)" }
        return "\(location): \(message)"
    }
}
