import Synchronization

/// Runs a store read for at most a short time on the request path: a database that is slow or down
/// must not hold requests up. The read goes on in the background when the time is up; its result is
/// then dropped.
enum StoreDeadline {
    /// How long a request waits for a store read that limits or budgets need.
    static let requestPath: Duration = .milliseconds(250)

    /// The read's result, or `nil` when it failed or took longer than `limit`.
    static func value<T: Sendable>(within limit: Duration = requestPath, _ read: @escaping @Sendable () async throws -> T) async -> T? {
        await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let answer = FirstAnswer(continuation)
            Task { answer.give(try? await read()) }
            Task {
                try? await Task.sleep(for: limit)
                answer.give(nil)
            }
        }
    }

    /// Resumes a continuation with the first value given, once.
    private final class FirstAnswer<T: Sendable>: Sendable {
        private let continuation: CheckedContinuation<T?, Never>
        private let answered = Mutex(false)

        init(_ continuation: CheckedContinuation<T?, Never>) {
            self.continuation = continuation
        }

        func give(_ value: T?) {
            let first = answered.withLock { answered in
                defer { answered = true }
                return !answered
            }
            if first { continuation.resume(returning: value) }
        }
    }
}
