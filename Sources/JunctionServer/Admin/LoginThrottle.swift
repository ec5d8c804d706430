import Foundation
import Synchronization

/// Growing delays after failed dashboard logins, per client address.
///
/// The first ``freeAttempts`` failures cost nothing; after that each attempt must wait twice as
/// long as the last (1 s, 2 s, 4 s… up to ``maximumDelay``) since the previous failure. A success
/// clears the address's record. Time is passed in, so tests need no sleeping.
final class LoginThrottle: Sendable {
    static let freeAttempts = 3
    static let maximumDelay: TimeInterval = 900

    private struct Record {
        var failures: Int
        var lastFailure: Date
    }

    private let records = Mutex<[String: Record]>([:])

    /// Seconds the address must still wait before trying again; `nil` when it may try now.
    func wait(for address: String, now: Date) -> TimeInterval? {
        records.withLock { records in
            guard let record = records[address], record.failures >= Self.freeAttempts else { return nil }
            let delay = min(Self.maximumDelay, pow(2, Double(record.failures - Self.freeAttempts)))
            let remaining = record.lastFailure.addingTimeInterval(delay).timeIntervalSince(now)
            return remaining > 0 ? remaining : nil
        }
    }

    func recordFailure(for address: String, now: Date) {
        records.withLock { records in
            if records.count > 10_000 { records = records.filter { now.timeIntervalSince($0.value.lastFailure) < Self.maximumDelay } }
            records[address, default: Record(failures: 0, lastFailure: now)].failures += 1
            records[address]?.lastFailure = now
        }
    }

    func recordSuccess(for address: String) {
        _ = records.withLock { $0.removeValue(forKey: address) }
    }
}
