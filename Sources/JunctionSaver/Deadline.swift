/// The moment a compression must give up; filters poll it in their loops.
struct Deadline: Sendable {
    let end: ContinuousClock.Instant

    /// A deadline that never passes, for direct filter calls in tests.
    static var none: Deadline { Deadline(end: ContinuousClock.now.advanced(by: .seconds(86_400))) }

    /// Throws once the deadline has passed.
    func check() throws {
        if ContinuousClock.now > end { throw SaverError.overBudget }
    }
}

/// Why a filter gave up.
enum SaverError: Error, Sendable {
    case overBudget
}
