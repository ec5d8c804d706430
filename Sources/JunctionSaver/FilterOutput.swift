/// A filter's compressed text and the name to report.
struct FilterOutput: Sendable {
    var text: String
    var name: String
    /// Whether the saver must check that every problem and summary line survived.
    var guardsImportantLines: Bool
}
