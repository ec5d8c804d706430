/// The token saver: classifies a tool output and compresses it with the matching filter, keeping what a model needs.
///
/// ```swift
/// let saver = Saver(level: .safe)
/// let result = saver.compress(output, context: ToolContext(toolName: "Bash", command: "git status"))
/// // result.text replaces the tool output; result.filter == "git-status"
/// ```
///
/// Guarantees: the text is never longer than the input; the same input gives the same output; compressing an
/// output again changes nothing; errors, failures, warnings and summaries in reports survive verbatim; every
/// omission is marked `… what was left out …` where it happened; a filter that throws or overruns
/// `timeBudget` leaves the original; `isError` results only lose terminal noise; outputs under 1 KB are left alone.
public struct Saver: Sendable {
    /// How hard to compress.
    public var level: SaverLevel
    /// The most time one compression may take; past it the original is returned.
    public var timeBudget: Duration
    /// Outputs smaller than this are left alone; larger ones that shrink below it after noise removal are only cleaned.
    public static let minimumBytes = 1024
    /// Outputs larger than this are returned as they are (they could not be compressed within any sane budget).
    public static let maximumBytes = 16 << 20

    /// A replacement for the filter step, used by tests to check what happens when a filter throws.
    var filterOverride: (@Sendable (Document) throws -> FilterOutput?)?

    /// Creates a saver.
    public init(level: SaverLevel = .safe, timeBudget: Duration = .milliseconds(50)) {
        self.level = level
        self.timeBudget = timeBudget
    }

    /// Compresses one tool output.
    public func compress(_ output: String, context: ToolContext = .init()) -> SaverResult {
        // Outputs under 1 KB are left exactly as they are, noise included: too small to be worth a change.
        guard level != .off, output.utf8.count >= Self.minimumBytes else { return Self.result(output, output, filter: "none") }
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = Deadline(end: start.advanced(by: timeBudget))
        let cleaned = Noise.strip(output)
        let cleanedName = cleaned.utf8.count == output.utf8.count && cleaned == output ? "none" : "noise"
        guard !context.isError, cleaned.utf8.count >= Self.minimumBytes, output.utf8.count <= Self.maximumBytes else {
            return clock.now - start > timeBudget ? Self.result(output, output, filter: "none") : Self.result(output, cleaned, filter: cleanedName)
        }
        let document = Document(cleaned)
        var filtered: FilterOutput?
        if !Marker.isCompressed(document) {
            do {
                if let filterOverride {
                    filtered = try filterOverride(document)
                } else {
                    filtered = try Filters.run(document, context: context, level: level, deadline: deadline)
                }
            } catch {
                return Self.result(output, output, filter: "none")
            }
        }
        if clock.now - start > timeBudget { return Self.result(output, output, filter: "none") }
        guard let filtered, filtered.text.utf8.count < cleaned.utf8.count,
              Self.isSafe(filtered, original: document)
        else { return Self.result(output, cleaned, filter: cleanedName) }
        let result = Self.result(output, filtered.text, filter: filtered.name)
        // Fewer bytes but more tokens (long markers in place of short lines) is no saving.
        return result.tokensAfter <= result.tokensBefore ? result : Self.result(output, cleaned, filter: cleanedName)
    }

    /// The last checks on a filter's output: it is marked as compressed (so a second pass leaves it alone),
    /// and for reports every problem and summary line of the original is still there verbatim
    /// (runtime-library backtrace frames such as `core::panicking::panic_fmt` do not report anything themselves).
    ///
    /// Report filters keep lines in their original order, so the check walks both texts side by side: a line of the
    /// original that is not the next line of the output was dropped, and must not be a problem or summary line
    /// (unless the very same line was kept earlier).
    static func isSafe(_ filtered: FilterOutput, original: Document) -> Bool {
        let result = Document(filtered.text)
        guard Marker.isCompressed(result) else { return false }
        guard filtered.guardsImportantLines else { return true }
        let output = result.lines
        var j = 0
        for line in original.lines {
            while j < output.count, Marker.isMarker(output[j]) { j += 1 }
            if j < output.count, output[j].utf8.elementsEqual(line.utf8) {
                j += 1
                continue
            }
            if Importance.mustKeep(line), !TestDialect.isLibraryFrame(line),
               !output[..<j].contains(where: { $0.utf8.elementsEqual(line.utf8) }) { return false }
        }
        return true
    }

    /// Builds a result with sizes and token estimates.
    static func result(_ before: String, _ after: String, filter: String) -> SaverResult {
        let tokensBefore = TokenEstimator.estimate(before)
        let tokensAfter = after == before ? tokensBefore : TokenEstimator.estimate(after)
        return SaverResult(
            text: after, filter: filter, bytesBefore: before.utf8.count, bytesAfter: after.utf8.count,
            tokensBefore: tokensBefore, tokensAfter: tokensAfter
        )
    }
}
