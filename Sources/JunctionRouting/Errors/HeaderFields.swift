/// Response header fields with case-insensitive lookup, as routing reads them.
///
/// The gateway builds one from whatever its HTTP library gives; routing never sees HTTP types.
public struct HeaderFields: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// The fields, names lower-cased; a repeated name keeps its first value.
    public private(set) var values: [String: String]

    /// Creates header fields from name/value pairs.
    public init(_ pairs: [(String, String)]) {
        var values: [String: String] = [:]
        for (name, value) in pairs where values[name.lowercased()] == nil {
            values[name.lowercased()] = value.trimmingWhitespace()
        }
        self.values = values
    }

    /// Creates header fields from a dictionary literal.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// No header fields.
    public static let empty = HeaderFields([])

    /// The value of the field `name`, in any case.
    public subscript(name: String) -> String? {
        values[name.lowercased()]
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
