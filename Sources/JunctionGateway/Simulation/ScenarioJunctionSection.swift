import Foundation
import Yams

/// Reads a scenario's `junction:` section, a Junction configuration as in `junction.yaml`, with the
/// configuration loader itself, so the simulator routes exactly as `junction serve` would.
///
/// Providers may leave out `base_url` (the simulator points them at its mock providers), so a
/// placeholder is filled in before the section is handed to ``ConfigLoader``. Errors keep the
/// scenario file's line and name the field under `junction.`.
enum ScenarioJunctionSection {
    /// The URL put where a provider has none; the simulator replaces every provider's URL anyway.
    static let placeholderURL = "http://127.0.0.1:9/v1"

    static func config(_ field: YAMLField, loader: ConfigLoader) throws -> JunctionConfig {
        guard case .mapping(var mapping) = field.node else { throw field.error("expected a mapping (a Junction configuration)") }
        if case .sequence(var providers)? = mapping["providers"] {
            for index in providers.indices {
                guard case .mapping(var provider) = providers[index], provider["base_url"] == nil else { continue }
                provider["base_url"] = Node(placeholderURL)
                providers[index] = .mapping(provider)
            }
            mapping["providers"] = .sequence(providers)
        }
        let text: String
        do {
            text = try Yams.serialize(node: .mapping(mapping))
        } catch {
            throw field.error("cannot be read as a Junction configuration (\(error))")
        }
        do {
            return try loader.parse(text, file: field.file)
        } catch let error as ConfigError {
            let path = error.field ?? ""
            let line = locate(path, in: field.node)?.mark?.line ?? field.line
            throw ConfigError(file: field.file, line: line, field: path.isEmpty ? field.path : "\(field.path).\(path)", message: error.message)
        }
    }

    /// The deepest node along a dotted path such as `combos[0].targets` or `providers[1].api_keys[0]`.
    static func locate(_ path: String, in root: Node) -> Node? {
        var node = root
        for part in path.split(separator: ".") {
            let pieces = part.split(separator: "[", omittingEmptySubsequences: false)
            let key = String(pieces[0])
            if !key.isEmpty {
                guard case .mapping(let mapping) = node, let child = mapping[key] else { return node }
                node = child
            }
            for piece in pieces.dropFirst() {
                guard let index = Int(piece.dropLast()), case .sequence(let sequence) = node, sequence.indices.contains(index) else {
                    return node
                }
                node = sequence[index]
            }
        }
        return node
    }
}
