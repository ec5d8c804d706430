/// Runs the filter for an output's kind, falling back to the generic filter when the specific one declines.
enum Filters {
    /// Classifies `document` and compresses it; nil when no filter could shorten it.
    static func run(_ document: Document, context: ToolContext, level: SaverLevel, deadline: Deadline) throws -> FilterOutput? {
        let kind = Classifier.classify(document, context: context)
        if let text = try run(kind, document, level: level, deadline: deadline) {
            return FilterOutput(text: text.text, name: text.name, guardsImportantLines: kind.isReport)
        }
        guard kind != .generic, kind != .read, kind != .json else { return nil }
        guard let text = try GenericFilter.apply(document, level: level, deadline: deadline) else { return nil }
        return FilterOutput(text: text, name: "generic", guardsImportantLines: true)
    }

    /// The filter for one kind; nil when it cannot parse or shorten the output.
    static func run(_ kind: OutputKind, _ d: Document, level: SaverLevel, deadline: Deadline) throws -> (text: String, name: String)? {
        func named(_ text: String?) -> (text: String, name: String)? { text.map { ($0, kind.rawValue) } }
        switch kind {
        case .listing: return named(try ListingFilter.apply(d, level: level, deadline: deadline))
        case .listingRecursive: return named(try RecursiveListingFilter.apply(d, level: level, deadline: deadline))
        case .pathList: return named(try PathListFilter.apply(d, level: level, deadline: deadline))
        case .tree: return named(try TreeFilter.apply(d, level: level, deadline: deadline))
        case .grep: return named(try GrepFilter.apply(d, level: level, deadline: deadline))
        case .gitStatus: return named(try GitStatusFilter.apply(d, level: level, deadline: deadline))
        case .gitDiff: return named(try GitDiffFilter.apply(d, level: level, deadline: deadline))
        case .gitLog: return named(try GitLogFilter.apply(d, level: level, deadline: deadline))
        case .tests: return try TestFilter.apply(d, level: level, deadline: deadline)
        case .build, .install: return named(try BuildFilter.apply(d, level: level, deadline: deadline))
        case .stackTrace: return named(try StackTraceFilter.apply(d, level: level, deadline: deadline))
        case .log: return named(try LogFilter.apply(d, level: level, deadline: deadline))
        case .json: return named(try JSONFilter.apply(d, level: level, deadline: deadline))
        case .read: return named(try ReadFilter.apply(d, level: level, deadline: deadline))
        case .generic: return named(try GenericFilter.apply(d, level: level, deadline: deadline))
        }
    }
}
