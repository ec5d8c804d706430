/// The families of tool output the saver knows how to compress.
enum OutputKind: String, Sendable, CaseIterable {
    case listing = "ls"
    case listingRecursive = "ls-recursive"
    case pathList = "find"
    case tree
    case grep
    case gitStatus = "git-status"
    case gitDiff = "git-diff"
    case gitLog = "git-log"
    case tests
    case build
    case install
    case stackTrace = "stacktrace"
    case log
    case json
    case read
    case generic

    /// Whether the output is a report (tests, builds, logs…) rather than data (files, diffs, listings):
    /// in reports every error, failure or warning line and every summary line is guaranteed to survive.
    var isReport: Bool {
        switch self {
        case .tests, .build, .install, .stackTrace, .log, .generic: true
        default: false
        }
    }
}
