/// `JSONValue` inside `Codable` types, for fields that the wire types do not model.
///
/// Through Foundation's coders object key order is not kept; use ``JSONValue/init(parsing:maximumDepth:)``
/// and ``JSONValue/serialized()`` where order matters.
extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .number(String(value))
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            let dictionary = try container.decode([String: JSONValue].self)
            self = .object(JSONObject(dictionary.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: $0.value) }))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let literal):
            if let integer = Int64(literal) { try container.encode(integer) } else { try container.encode(Double(literal) ?? 0) }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let object):
            try container.encode(Dictionary(object.members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
