/// Omission markers: `… what was left out …`, always on a line of their own.
enum Marker {
    /// A marker line for `what`, indented like the lines around it.
    static func line(_ what: String, indent: Substring = "") -> String { "\(indent)… \(what) …" }

    /// Whether `line` is a marker written by the saver.
    static func isMarker(_ line: Substring) -> Bool {
        var trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.begins("\"") { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == "," || last == "\"" || last == " " { trimmed = trimmed.dropLast() }
        return trimmed.begins("… ") && trimmed.hasSuffix(" …") && trimmed.count > 4
    }

    /// Whether `text` already carries saver markers (then it is not compressed again, which keeps the saver idempotent).
    static func isCompressed(_ document: Document) -> Bool {
        var text = document.text
        let hasEllipsis = text.withUTF8 { bytes -> Bool in
            var i = 0
            let n = bytes.count
            while i + 3 < n {  // "… " is E2 80 A6 20
                if bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA6, bytes[i + 3] == 0x20 { return true }
                i += 1
            }
            return false
        }
        guard hasEllipsis else { return false }
        for line in document.lines where line.has("… ") {
            if isMarker(line) { return true }
            if line.has("\"… "), line.has(" …\"") { return true }
        }
        return false
    }

    /// "1 file" / "3 files".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        n == 1 ? "1 \(singular)" : "\(n) \(plural ?? singular + "s")"
    }
}
