import Foundation
import Yams

/// A YAML node with the path that led to it, so every complaint can name its line and field.
struct YAMLField {
    let node: Node
    let path: String
    let file: String?

    var line: Int? { node.mark?.line }

    func error(_ message: String) -> ConfigError {
        ConfigError(file: file, line: line, field: path, message: message)
    }

    func child(_ key: String, _ node: Node) -> YAMLField {
        YAMLField(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    /// The members of a mapping, refusing keys not in `allowed` so a typo is caught at start-up.
    func mapping(allowed: Set<String>) throws -> [String: YAMLField] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping") }
        var fields: [String: YAMLField] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else { throw error("expected text keys") }
            let field = child(key, valueNode)
            guard allowed.contains(key) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw YAMLField(node: keyNode, path: field.path, file: file).error("unknown field (known: \(known))")
            }
            fields[key] = field
        }
        return fields
    }

    /// The member named `key` of a mapping, if there is one.
    func member(_ key: String) -> YAMLField? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.first { $0.key.string == key }.map { child(key, $0.value) }
    }

    /// The elements of a sequence.
    func sequence() throws -> [YAMLField] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { index, element in
            YAMLField(node: element, path: "\(path)[\(index)]", file: file)
        }
    }

    /// A scalar as text.
    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a text value") }
        return scalar.string
    }

    /// A non-empty scalar as text.
    func nonEmptyString() throws -> String {
        let value = try string().trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw error("must not be empty") }
        return value
    }

    /// A scalar as an integer.
    func int() throws -> Int {
        guard let value = Int(try string()) else { throw error("expected a whole number") }
        return value
    }

    /// A scalar as a boolean (`true`/`false`, `yes`/`no`).
    func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false")
        }
    }

    /// A duration written as seconds (`10`, `2.5`) or with a unit (`500ms`, `10s`, `2m`).
    func duration() throws -> Duration {
        let text = try string().trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            if let number = Double(text.dropLast(suffix.count)), number > 0 {
                return .milliseconds(Int64((number * scale * 1000).rounded()))
            }
        }
        if let seconds = Double(text), seconds > 0 { return .milliseconds(Int64((seconds * 1000).rounded())) }
        throw error("expected a positive duration such as 500ms, 10s or 2m")
    }

    /// A text value that may be `env:NAME`, read from the environment.
    func secret(environment: [String: String]) throws -> String {
        let raw = try nonEmptyString()
        guard raw.hasPrefix("env:") else { return raw }
        let name = String(raw.dropFirst(4))
        guard !name.isEmpty else { throw error("env: needs a variable name") }
        guard let value = environment[name], !value.isEmpty else {
            throw error("environment variable \(name) is not set")
        }
        return value
    }
}
