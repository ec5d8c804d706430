import JunctionProviders
import Synchronization

/// Spreads requests over a provider's accounts: each request starts at the next account and, on
/// failure, tries the others in turn.
final class AccountRotation: Sendable {
    private let counters = Mutex<[String: Int]>([:])

    /// The account indexes to try for one request, in order; `[nil]` for a keyless provider.
    func order(for provider: ProviderConfig) -> [Int?] {
        let count = provider.apiKeys.count
        guard count > 1 else { return count == 1 ? [0] : [nil] }
        let start = counters.withLock { counters in
            let next = counters[provider.id, default: 0]
            counters[provider.id] = next &+ 1
            return next
        }
        return (0..<count).map { Optional((start + $0) % count) }
    }
}
