/// `ls -l` listings: link counts and owner and group columns shared by every row are dropped (and said so once);
/// the aggressive level keeps only names (directories marked `/`) and sizes. Very long listings keep their head and tail.
enum ListingFilter {
    /// One parsed `ls -l` row.
    struct Row {
        var permissions: Substring
        var owner: Substring
        var group: Substring
        var size: Substring
        var date: Substring
        var name: Substring
    }

    /// Parses an `ls -l` row; nil for other lines.
    static func parse(_ line: Substring) -> Row? {
        guard LinePatterns.isLongListingRow(line) else { return nil }
        var fields: [Substring] = []
        var rest = line[...]
        while fields.count < 8 {
            rest = rest.drop { $0 == " " }
            guard let end = rest.firstIndex(of: " ") else { return nil }
            fields.append(rest[..<end])
            rest = rest[end...]
        }
        let name = rest.dropFirst()
        guard !name.isEmpty else { return nil }
        // Device files show "major, minor" in place of a size; keep such rows verbatim.
        guard fields[4].allSatisfy({ $0.isNumber || $0 == "." || $0.isLetter }) else { return nil }
        let dateStart = fields[5].startIndex
        let dateEnd = fields[7].endIndex
        return Row(permissions: fields[0], owner: fields[2], group: fields[3], size: fields[4], date: line[dateStart..<dateEnd], name: name)
    }

    /// Rows kept at the head and tail of a long listing.
    static func caps(_ level: SaverLevel) -> (threshold: Int, head: Int, tail: Int) {
        level == .aggressive ? (120, 60, 20) : (400, 250, 50)
    }

    /// Compresses `d`, or nil when it has no rows.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        let rows = d.lines.map(parse)
        let parsed = rows.compactMap { $0 }
        guard parsed.count >= 3 else { return nil }
        let owners = Set(parsed.map(\.owner))
        let groups = Set(parsed.map(\.group))
        let sharedOwner = owners.count == 1 && groups.count == 1
        let dates = Set(parsed.map(\.date))
        let sharedDate = dates.count == 1 ? dates.first : nil
        var writer = LineWriter()
        if level == .aggressive {
            writer.mark("permissions, owners and dates omitted; directories end with /")
        } else {
            var facts = ["link counts omitted"]
            if sharedOwner { facts.append("every entry is owned by \(owners.first!):\(groups.first!)") }
            if let sharedDate { facts.append("every entry was modified \(sharedDate)") }
            writer.mark(facts.joined(separator: "; "))
        }
        let (threshold, head, tail) = caps(level)
        let rowIndices = rows.indices.filter { rows[$0] != nil }
        let dropped: Set<Int> = rowIndices.count > threshold ? Set(rowIndices[head..<(rowIndices.count - tail)]) : []
        var pending: [Row] = []
        for (i, line) in d.lines.enumerated() {
            if i & 4095 == 0 { try deadline.check() }
            if line.hasPrefix("total "), line.dropFirst(6).allSatisfy({ $0.isNumber || $0.isLetter || $0 == "." }) { continue }
            guard let row = rows[i] else { writer.keep(line); continue }
            if dropped.contains(i) { pending.append(row); continue }
            if !pending.isEmpty { writer.mark(summary(pending)); pending = [] }
            writer.keep(Substring(render(row, level: level, sharedOwner: sharedOwner, sharedDate: sharedDate != nil)))
        }
        if !pending.isEmpty { writer.mark(summary(pending)) }
        return writer.joined(trailingNewline: d.endsWithNewline)
    }

    /// A compact row.
    static func render(_ row: Row, level: SaverLevel, sharedOwner: Bool, sharedDate: Bool) -> String {
        let isDirectory = row.permissions.first == "d"
        if level == .aggressive {
            return isDirectory ? "\(row.name)/" : "\(row.name)  \(row.size)"
        }
        var fields = [row.permissions]
        if !sharedOwner { fields += [row.owner, row.group] }
        fields.append(row.size)
        if !sharedDate { fields.append(row.date) }
        fields.append(row.name)
        return fields.joined(separator: " ")
    }

    /// "48 more entries (40 files, 8 directories)".
    static func summary(_ rows: [Row]) -> String {
        let directories = rows.count { $0.permissions.first == "d" }
        return "\(rows.count) more entries (\(Marker.count(rows.count - directories, "file")), \(Marker.count(directories, "directory", "directories")))"
    }
}
