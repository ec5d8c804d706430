public import Foundation
import Synchronization

/// When each client key sent its recent requests, in memory, for requests-per-minute limits.
///
/// Each key keeps at most ``capacity`` timestamps no older than ``retention``, so memory stays
/// bounded however fast a key sends; a requests-per-minute limit above the capacity is clamped to
/// it (see ``KeyLimitCheck``). Keys that fall silent are swept out. Per process: instances sharing a
/// PostgreSQL each count their own requests.
public final class RequestRateWindow: Sendable {
    /// The default cap on timestamps kept per key.
    public static let defaultCapacity = 10_000

    /// Timestamps kept per key at most; the oldest go first.
    public let capacity: Int
    /// How long a timestamp is kept.
    public let retention: TimeInterval

    private struct State {
        var keys: [String: Timestamps] = [:]
        var lastSweep: Date = .distantPast
    }

    private let state = Mutex(State())

    public init(capacity: Int = RequestRateWindow.defaultCapacity, retention: TimeInterval = KeyLimitCheck.window) {
        self.capacity = max(1, capacity)
        self.retention = max(0, retention)
    }

    /// Notes a request by `key` at `date`, dropping what has aged out.
    public func record(key: String, at date: Date) {
        state.withLock { state in
            let horizon = date.addingTimeInterval(-retention)
            state.keys[key, default: Timestamps()].insert(date.timeIntervalSinceReferenceDate, capacity: capacity)
            state.keys[key]?.prune(before: horizon.timeIntervalSinceReferenceDate)
            if date.timeIntervalSince(state.lastSweep) >= retention {
                state.lastSweep = date
                for name in Array(state.keys.keys) {
                    state.keys[name]?.prune(before: horizon.timeIntervalSinceReferenceDate)
                    if state.keys[name]?.isEmpty == true { state.keys[name] = nil }
                }
            }
        }
    }

    /// Requests by `key` at or after `since` that are still held.
    public func count(key: String, since: Date) -> Int {
        state.withLock { $0.keys[key]?.count(since: since.timeIntervalSinceReferenceDate) ?? 0 }
    }

    /// The oldest request by `key` at or after `since`, if any is held.
    public func oldest(key: String, since: Date) -> Date? {
        state.withLock { $0.keys[key]?.first(since: since.timeIntervalSinceReferenceDate) }.map(Date.init(timeIntervalSinceReferenceDate:))
    }

    /// Keys with at least one timestamp held (for tests and metrics).
    public var keyCount: Int { state.withLock { $0.keys.count } }
}

/// Sorted timestamps in an array read from `head`, compacted when the dead prefix grows.
private struct Timestamps {
    private var values: [Double] = []
    private var head = 0

    var isEmpty: Bool { head == values.count }
    var liveCount: Int { values.count - head }

    mutating func insert(_ value: Double, capacity: Int) {
        if let last = values.last, value < last, !isEmpty {
            // Out of order (clocks read on different threads): keep the array sorted.
            let index = firstIndex(atOrAfter: value)
            values.insert(value, at: index)
        } else {
            values.append(value)
        }
        if liveCount > capacity { head += liveCount - capacity }
        compact()
    }

    mutating func prune(before horizon: Double) {
        head = firstIndex(atOrAfter: horizon)
        compact()
    }

    func count(since: Double) -> Int { values.count - firstIndex(atOrAfter: since) }

    func first(since: Double) -> Double? {
        let index = firstIndex(atOrAfter: since)
        return index < values.count ? values[index] : nil
    }

    /// The first live index whose value is at or after `value` (binary search).
    private func firstIndex(atOrAfter value: Double) -> Int {
        var low = head
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func compact() {
        if head == values.count {
            values.removeAll(keepingCapacity: values.count <= 1024)
            head = 0
        } else if head > 64 && head * 2 > values.count {
            values.removeFirst(head)
            head = 0
        }
    }
}
