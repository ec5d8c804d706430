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
            // A Read tool returns file content whatever it looks like; `cat` of a log or a report is classified by shape.
            return CommandHint.isReadTool(context.toolName) || detected == .generic || detected == .json ? .read : detected
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
            head = document.lines.prefix(150)
            let step = max(1, document.lines.count / 120)
            spread = stride(from: 0, to: document.lines.count, by: step).map { document.lines[$0] }.filter { !LinePatterns.isBlank($0) }
            lineCount = document.lines.count
        }

        /// Fraction of the spread sample for which `predicate` holds.
        func share(_ predicate: (Substring) -> Bool) -> Double {
            guard !spread.isEmpty else { return 0 }
            return Double(spread.count { predicate($0) }) / Double(spread.count)
        }
    }

    /// Facts about the first lines, gathered in one pass.
    struct HeadFacts {
        var diff = false, hunk = false, newFile = false, traceback = false, frames = 0, diagnostics = 0
        var buildBanner = false, install = false, status = false

        init(_ head: ArraySlice<Substring>) {
            for (k, line) in head.enumerated() {
                guard let first = line.utf8.first else { continue }
                switch first {
                case 0x64: if line.begins("diff --git ") || line.begins("diff --cc ") { diff = true }
                case 0x40: if line.begins("@@ -") { hunk = true }
                case 0x2B: if line.begins("+++ ") { newFile = true }
                case 0x54: if line.begins("Traceback (most recent call last):") { traceback = true }
                case 0x45: if line.begins("Exception in thread ") { traceback = true }
                case 0x74: if line.begins("thread '"), line.has("panicked at ") { traceback = true }
                case 0x09: if line.begins("\tat ") { frames += 1 }
                case 0x20: if line.begins("    at ") { frames += 1 }
                case 0x5B: if line.begins("[INFO] BUILD ") { buildBanner = true }
                case 0x42: if line.begins("BUILD FAILED") || line.begins("BUILD SUCCESSFUL") { buildBanner = true }
                case 0x46: if line.begins("FAILURE: Build failed") { buildBanner = true }
                case 0x43: if line.begins("Collecting ") { install = true }
                case 0x52: if line.begins("Requirement already satisfied") { install = true }
                case 0x53: if line.begins("Successfully installed") { install = true }
                case 0x61: if line.begins("added "), line.has(" packages") { install = true }
                default: break
                }
                if k < 12, first == 0x4F || first == 0x48 || first == 0x43 || first == 0x55 || first == 0x6E || first == 0x4E,
                   ["On branch ", "HEAD detached ", "Changes to be committed:", "Changes not staged for commit:", "Untracked files:",
                    "nothing to commit", "Not currently on any branch"].contains(where: { line.hasPrefix($0) }) { status = true }
                if LinePatterns.isDiagnostic(line) { diagnostics += 1 }
            }
        }
    }

    /// Detects the kind from structure alone.
    static func detect(_ s: Sample) -> OutputKind {
        if let first = s.head.first(where: { !LinePatterns.isBlank($0) }) {
            let t = first.drop { $0 == " " }
            if (t.begins("{") || t.begins("[")) && !t.begins("[INFO") && !t.begins("[ERROR") && !t.begins("[WARN"),
               JSONShape.looksLikeJSON(first: t, lines: s.head) { return .json }
        }
        let facts = HeadFacts(s.head)
        if facts.diff || facts.hunk && facts.newFile { return .gitDiff }
        if let first = s.head.first, first.begins("commit "), first.split(separator: " ").count >= 2,
           s.head.prefix(4).contains(where: { $0.begins("Author:") || $0.begins("Merge:") }) { return .gitLog }
        if facts.status { return .gitStatus }
        if TestDialect.detect(s.head) != nil || TestDialect.detect(s.spread[...]) != nil { return .tests }
        if facts.traceback || facts.frames >= 3 { return .stackTrace }
        if s.share({ LinePatterns.readLineNumber($0) != nil }) >= 0.9, s.lineCount >= 3, isSequentialRead(s.head) { return .read }
        if facts.diagnostics >= 1 && s.share(LinePatterns.isLogLine) < 0.5 { return .build }
        if facts.buildBanner { return .build }
        if facts.install { return .install }
        if s.share({ $0.has("├── ") || $0.has("└── ") || $0.begins("│") }) >= 0.5 { return .tree }
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
