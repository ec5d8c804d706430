/// Large JSON: long arrays whose items all have the same shape keep their first items and a string marker
/// (`"… 97 more items …"`) in place of the rest, so the result is still valid JSON with the same structure,
/// key order and formatting. Everything else is copied byte for byte.
enum JSONFilter {
    /// Arrays longer than `threshold` keep `kept` items.
    static func limits(_ level: SaverLevel) -> (threshold: Int, kept: Int) {
        level == .aggressive ? (5, 3) : (12, 6)
    }

    /// Compresses `d`, or nil when it is not one JSON value or has no long array.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        let bytes = Array(d.text.utf8)
        var elider = JSONElider(bytes: bytes, limits: limits(level), deadline: deadline)
        do {
            var i = elider.skipSpace(0)
            elider.out.append(contentsOf: bytes[0..<i])
            i = try elider.emitValue(at: i)
            let end = elider.skipSpace(i)
            guard end == bytes.count else { return nil }
            elider.out.append(contentsOf: bytes[i..<end])
        } catch JSONElider.Failure.malformed {
            return nil
        }
        guard elider.elided else { return nil }
        return String(decoding: elider.out, as: UTF8.self)
    }
}

/// Whether a text starts like a JSON document, for the classifier.
enum JSONShape {
    /// A first line opening an object or array, and a last line of the head that is still JSON-ish.
    static func looksLikeJSON(first: Substring, lines: ArraySlice<Substring>) -> Bool {
        if first == "{" || first == "[" { return true }
        if first.hasPrefix("{\"") || first.hasPrefix("[{") || first.hasPrefix("[\"") || first.hasPrefix("[[") || first.hasPrefix("[]") || first.hasPrefix("{}") { return true }
        if first.hasPrefix("[") { return first.allSatisfy { "0123456789,.-+eE []\"".contains($0) } }
        return false
    }
}
