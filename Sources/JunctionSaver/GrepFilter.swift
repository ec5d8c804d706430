import Foundation

/// Search results (`grep -rn`, `rg` with or without headings, `git grep`): grouped under one heading per file,
/// `line:content` kept verbatim; files with very many matches and searches with very many files keep the first ones,
/// with the rest counted per file.
enum GrepFilter {
    /// Caps: matches shown per file, match lines shown in all, longest content kept.
    static func caps(_ level: SaverLevel) -> (perFile: Int, total: Int, lineLength: Int) {
        level == .aggressive ? (8, 120, 200) : (25, 500, 500)
    }

    /// One file's hits in order.
    struct FileHits {
        var path: Substring
        var entries: [Substring] = []
        var matches = 0
    }

    /// Compresses `d`, or nil when it is not search output.
    static func apply(_ d: Document, level: SaverLevel, deadline: Deadline) throws -> String? {
        guard let (files, stray) = try parse(d, deadline: deadline) else {
            // `grep -l`, `grep -c`, `rg --files`: a list of paths.
            return try PathListFilter.apply(d, level: level, deadline: deadline)
        }
        let (perFile, total, lineLength) = caps(level)
        let matchCount = files.reduce(0) { $0 + $1.matches }
        var writer = LineWriter()
        writer.mark("\(Marker.count(matchCount, "match", "matches")) in \(Marker.count(files.count, "file")), grouped by file")
        var shown = 0
        var index = 0
        while index < files.count {
            let file = files[index]
            if shown >= total { break }
            writer.keep(file.path)
            var written = 0
            var matchesWritten = 0
            for entry in file.entries {
                if matchesWritten >= perFile || shown >= total { break }
                writer.keep(clip(entry, lineLength, level: level))
                written += 1
                if !isContext(entry) { matchesWritten += 1; shown += 1 }
            }
            if matchesWritten < file.matches {
                writer.mark("\(file.matches - matchesWritten) more \(file.matches - matchesWritten == 1 ? "match" : "matches") in \(file.path)")
            }
            index += 1
        }
        if index < files.count {
            let rest = files[index...]
            let restMatches = rest.reduce(0) { $0 + $1.matches }
            let names = rest.prefix(15).map { "\($0.path) (\($0.matches))" }.joined(separator: ", ")
            let more = rest.count > 15 ? ", …" : ""
            writer.mark("\(restMatches) more \(restMatches == 1 ? "match" : "matches") in \(Marker.count(rest.count, "file")): \(names)\(more)")
        }
        for line in stray { writer.keep(line) }
        return writer.joined(trailingNewline: d.endsWithNewline)
    }

    /// Whether an entry is a context line (`12-content`) or a group separator.
    static func isContext(_ entry: Substring) -> Bool {
        if entry == "--" { return true }
        let digits = entry.prefix { $0.isNumber }
        return !digits.isEmpty && entry.dropFirst(digits.count).first == "-"
    }

    /// The entry, cut if very long, with the cut counted.
    static func clip(_ entry: Substring, _ limit: Int, level: SaverLevel) -> Substring {
        var text = entry
        if level == .aggressive, let colon = text.firstIndex(where: { $0 == ":" || $0 == "-" }), text[..<colon].allSatisfy(\.isNumber) {
            let content = text[text.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            text = Substring(text[...colon] + content)
        }
        guard text.utf8.count > limit + 40 else { return text }
        let cut = text.prefix(limit)
        return Substring("\(cut) …[\(text.count - cut.count) more characters]")
    }

    /// Parses flat (`path:12:content`) or heading (`path` then `12:content`) output into files.
    static func parse(_ d: Document, deadline: Deadline) throws -> ([FileHits], [Substring])? {
        var files: [FileHits] = []
        var indexOf: [ByteKey: Int] = [:]
        var stray: [Substring] = []
        var heading: Int?
        var previousBlank = true
        for (i, line) in d.lines.enumerated() {
            if i & 4095 == 0 { try deadline.check() }
            if LinePatterns.isBlank(line) { previousBlank = true; heading = nil; continue }
            defer { previousBlank = false }
            if let current = heading, line == "--" || HeadingGrep.lineNumber(line) != nil {
                files[current].entries.append(line)
                if !isContext(line) { files[current].matches += 1 }
                continue
            }
            if let hit = LinePatterns.grepHit(line) ?? plainHit(line) {
                let at = indexOf[ByteKey(hit.path)] ?? { files.append(FileHits(path: hit.path)); indexOf[ByteKey(hit.path)] = files.count - 1; return files.count - 1 }()
                files[at].entries.append(hit.rest)
                if !hit.isContext { files[at].matches += 1 }
                continue
            }
            if line == "--", let last = files.indices.last { files[last].entries.append(line); continue }
            if previousBlank, LinePatterns.isPathLike(line) {
                files.append(FileHits(path: line))
                heading = files.count - 1
                continue
            }
            stray.append(line)
        }
        let hits = files.reduce(0) { $0 + $1.matches }
        guard hits >= 3, stray.count * 5 <= hits else { return nil }
        return (files, stray)
    }

    /// `path:content` from `grep -r` without `-n`.
    static func plainHit(_ line: Substring) -> LinePatterns.GrepHit? {
        guard let colon = line.utf8.firstIndex(of: 0x3A) else { return nil }
        let path = line[..<colon]
        guard path.utf8.contains(0x2F), LinePatterns.isPathLike(path) else { return nil }
        return LinePatterns.GrepHit(path: path, rest: line[line.utf8.index(after: colon)...], isContext: false)
    }
}

/// Lines of `rg --heading` output under a file name.
enum HeadingGrep {
    /// The line number of `12:content` or `12-content`; nil otherwise.
    static func lineNumber(_ line: Substring) -> Int? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 10, let next = line.dropFirst(digits.count).first, next == ":" || next == "-" else { return nil }
        return Int(digits)
    }
}
