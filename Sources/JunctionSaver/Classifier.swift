/// Decides which filter family an output belongs to, from its structure and, when known, the tool call behind it.
enum Classifier {
    /// The kind of `document`, preferring the context's hint when the structure agrees with it.
    static func classify(_ document: Document, context: ToolContext) -> OutputKind {
        let sample = Sample(document)
        let detected = detect(sample)
        guard let hint = CommandHint.kind(for: context) else { return detected }
        if hint == detected { return hint }
        let families: [Set<OutputKind>] = [
            [.grep, .pathList], [.listing, .listingRecursive, .tree, .pathList], [.gitDiff, .gitLog, .gitStatus],
        ]
        switch hint {
        case .read:
            return context.toolName != nil || detected == .generic || detected == .json ? .read : detected
        case .tests, .build, .install, .log:
            if detected == .tests || hint == .tests && detected.isReport { return .tests }
            return detected.isReport || detected == .generic ? hint : detected
        default:
            if families.contains(where: { $0.contains(hint) && $0.contains(detected) }) { return detected }
            return detected == .generic ? hint : detected
        }
    }

    /// The first lines and a spread sample of the rest, so classification costs the same on any size.
    struct Sample {
        let head: ArraySlice<Substring>
        let spread: [Substring]
        let lineCount: Int

        init(_ document: Document) {
            head = document.lines.prefix(400)
            let step = max(1, document.lines.count / 200)
            spread = stride(from: 0, to: document.lines.count, by: step).map { document.lines[$0] }.filter { !LinePatterns.isBlank($0) }
            lineCount = document.lines.count
        }

        /// Fraction of the spread sample for which `predicate` holds.
        func share(_ predicate: (Substring) -> Bool) -> Double {
            guard !spread.isEmpty else { return 0 }
            return Double(spread.count { predicate($0) }) / Double(spread.count)
        }
    }

    /// Detects the kind from structure alone.
    static func detect(_ s: Sample) -> OutputKind {
        if let first = s.head.first(where: { !LinePatterns.isBlank($0) }) {
            let t = first.drop { $0 == " " }
            if (t.hasPrefix("{") || t.hasPrefix("[")) && !t.hasPrefix("[INFO") && !t.hasPrefix("[ERROR") && !t.hasPrefix("[WARN"),
               JSONShape.looksLikeJSON(first: t, lines: s.head) { return .json }
        }
        if s.head.contains(where: { $0.hasPrefix("diff --git ") || $0.hasPrefix("diff --cc ") }) { return .gitDiff }
        if s.head.contains(where: { $0.hasPrefix("@@ -") }) && s.head.contains(where: { $0.hasPrefix("+++ ") }) { return .gitDiff }
        if let first = s.head.first, first.hasPrefix("commit "), first.split(separator: " ").count >= 2,
           s.head.prefix(4).contains(where: { $0.hasPrefix("Author:") || $0.hasPrefix("Merge:") }) { return .gitLog }
        if s.head.prefix(12).contains(where: { line in
            ["On branch ", "HEAD detached ", "Changes to be committed:", "Changes not staged for commit:", "Untracked files:", "nothing to commit", "Not currently on any branch"].contains { line.hasPrefix($0) }
        }) { return .gitStatus }
        if TestDialect.detect(s.head) != nil || TestDialect.detect(s.spread[...]) != nil { return .tests }
        if s.head.contains(where: { $0.hasPrefix("Traceback (most recent call last):") || $0.hasPrefix("Exception in thread ") || $0.contains("panicked at ") })
            || s.head.count(where: { $0.hasPrefix("\tat ") || $0.hasPrefix("    at ") }) >= 3 { return .stackTrace }
        if s.share({ LinePatterns.readLineNumber($0) != nil }) >= 0.9, s.lineCount >= 3, isSequentialRead(s.head) { return .read }
        if s.head.count(where: LinePatterns.isDiagnostic) >= 1 && s.share(LinePatterns.isLogLine) < 0.5 { return .build }
        if s.head.contains(where: { $0.hasPrefix("[INFO] BUILD ") || $0.hasPrefix("BUILD FAILED") || $0.hasPrefix("BUILD SUCCESSFUL") || $0.hasPrefix("FAILURE: Build failed") }) { return .build }
        if s.head.contains(where: { $0.hasPrefix("Collecting ") || $0.hasPrefix("Requirement already satisfied") || $0.hasPrefix("Successfully installed") || $0.hasPrefix("added ") && $0.contains(" packages") }) { return .install }
        if s.share({ $0.contains("├── ") || $0.contains("└── ") || $0.hasPrefix("│") }) >= 0.5 { return .tree }
        if s.share(LinePatterns.isLongListingRow) >= 0.6 { return .listing }
        if s.head.count(where: { $0.hasSuffix(":") && LinePatterns.isPathLike($0.dropLast()) || $0 == ".:" }) >= 2 { return .listingRecursive }
        if s.share({ LinePatterns.grepHit($0) != nil || $0 == "--" }) >= 0.6 { return .grep }
        if isHeadingGrep(s.head) { return .grep }
        if s.share(LinePatterns.isPathLike) >= 0.85, s.spread.count >= 3 { return .pathList }
        if s.share(LinePatterns.isLogLine) >= 0.4 { return .log }
        return .generic
    }

    /// Whether numbered lines count up by one, as a file read does.
    static func isSequentialRead(_ lines: ArraySlice<Substring>) -> Bool {
        var previous: Int?
        var ordered = 0
        var total = 0
        for line in lines.prefix(60) {
            guard let n = LinePatterns.readLineNumber(line) else { continue }
            if let p = previous { total += 1; if n == p + 1 { ordered += 1 } }
            previous = n
        }
        return total == 0 || Double(ordered) >= 0.8 * Double(total)
    }

    /// `rg --heading` output: a path line followed by `12:content` lines.
    static func isHeadingGrep(_ lines: ArraySlice<Substring>) -> Bool {
        var headers = 0
        var hits = 0
        var previousBlankOrStart = true
        for line in lines {
            if LinePatterns.isBlank(line) { previousBlankOrStart = true; continue }
            if previousBlankOrStart, LinePatterns.isPathLike(line) { headers += 1 } else if HeadingGrep.lineNumber(line) != nil { hits += 1 }
            previousBlankOrStart = false
        }
        return headers >= 1 && hits >= headers && hits + headers >= lines.count(where: { !LinePatterns.isBlank($0) }) * 8 / 10
    }
}
