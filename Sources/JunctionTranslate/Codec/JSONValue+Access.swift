import JunctionWire

extension JSONValue {
    /// An array, treating a missing value as empty.
    var elements: [JSONValue] { arrayValue ?? [] }

    /// Parses JSON text, falling back to the text as a string when it is not JSON.
    static func parsedOrString(_ text: String) -> JSONValue {
        (try? JSONValue(parsing: text)) ?? .string(text)
    }

    /// Parses tool arguments; an empty text is an empty object.
    static func arguments(_ text: String) -> JSONValue {
        let trimmed = text.trimmed()
        if trimmed.isEmpty { return [:] }
        return (try? JSONValue(parsing: trimmed)) ?? [:]
    }

    /// An object built from members, skipping `nil` values.
    static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
        var object = JSONObject()
        for (key, value) in members { if let value { object[key] = value } }
        return .object(object)
    }

    /// The members of an object as a mutable `JSONObject` (empty for other kinds).
    var objectOrEmpty: JSONObject { objectValue ?? JSONObject() }

    /// The text of a string, or the serialized JSON of anything else.
    var textOrJSON: String { stringValue ?? serializedString() }
}

extension JSONObject {
    /// The members whose keys are not in `known`.
    func removing(_ known: Set<String>) -> JSONObject {
        JSONObject(members.filter { !known.contains($0.key) })
    }

    /// Copies every member of `other` that this object lacks.
    mutating func merge(missingFrom other: JSONObject) {
        for member in other.members where self[member.key] == nil { self[member.key] = member.value }
    }
}

extension String {
    /// Whitespace-trimmed.
    func trimmed() -> String {
        // Fast path: nothing to trim when both ends are visible ASCII (the usual JSON event data).
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace || first.isNewline { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace || last.isNewline { scalars.removeLast() }
        return String(scalars)
    }
}

extension ImageSource {
    /// A base64 source from a `data:` URL, or a URL source for anything else.
    static func fromURL(_ url: String) -> ImageSource {
        if url.hasPrefix("data:"), let comma = url.firstIndex(of: ",") {
            let header = url[url.index(url.startIndex, offsetBy: 5)..<comma]
            if header.hasSuffix(";base64") {
                return .base64(mediaType: String(header.dropLast(7)), data: String(url[url.index(after: comma)...]))
            }
        }
        return .url(url)
    }

    /// The source as a URL: the URL itself, or a `data:` URL for inline bytes.
    var urlString: String {
        switch self {
        case .url(let url): url
        case .base64(let mediaType, let data): "data:\(mediaType);base64,\(data)"
        }
    }
}
