import Foundation
import Synchronization

/// The wall clock that health, quotas and budgets read.
///
/// Wall-clock `Date`s are used (not a monotonic instant) because cooldowns are persisted and must
/// survive a restart: a reset five hours away is still five hours away after the process comes back.
public protocol RoutingClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system clock.
public struct SystemRoutingClock: RoutingClock {
    /// Creates the system clock.
    public init() {}

    /// The current time from `Date()`.
    public func now() -> Date { Date() }
}

/// A clock that moves only when told to, for tests: hours of cooldown pass in microseconds.
///
/// ```swift
/// let clock = ManualRoutingClock()
/// clock.advance(by: 5 * 3600)
/// ```
public final class ManualRoutingClock: RoutingClock {
    private let current: Mutex<Date>

    /// Creates a clock that starts at `start` (by default a fixed date, so tests are reproducible).
    public init(start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        current = Mutex(start)
    }

    /// The time the clock was last set to.
    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Sets the clock to `date`.
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
