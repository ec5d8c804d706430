public import Foundation
public import JunctionStore
import Synchronization

/// What each client key has spent, read from the store at most once per ``ttl`` per key and window,
/// plus what requests finished here since that read.
///
/// A burst of requests shares one read: callers that arrive while it runs wait for it. Requests that
/// finish locally are added with ``add(key:tokens:costMicros:)``, because their ledger rows reach the
/// store a moment later; without the adds a burst could overrun a limit by everything in flight.
/// An add counts on top of every read that started before it, and for ``ledgerLag`` seconds more
/// (set it above zero to cover a slow ledger at the price of counting some requests twice).
///
/// ```swift
/// let cache = KeyUsageCache(store: store)
/// let today = try await cache.usage(key: name, since: UTCPeriod.dayStart(now))
/// // … after the request: cache.add(key: name, tokens: input + output, costMicros: cost)
/// ```
public final class KeyUsageCache: Sendable {
    /// Reads what `key` spent since a date.
    public typealias Loader = @Sendable (_ key: String, _ since: Date) async throws -> KeyUsage

    /// How long a read stays fresh.
    public let ttl: TimeInterval
    /// How long an add keeps counting after a later read started.
    public let ledgerLag: TimeInterval

    private struct EntryID: Hashable {
        var key: String
        var since: Date
    }

    private struct Entry {
        var usage: KeyUsage?
        var readAt: Date = .distantPast
        var pending: (id: UInt64, startedAt: Date, task: Task<KeyUsage, any Error>)?
    }

    private struct LocalAdd {
        var at: Date
        var tokens: Int
        var costMicros: Int
    }

    private struct State {
        var entries: [EntryID: Entry] = [:]
        var adds: [String: [LocalAdd]] = [:]
        var nextID: UInt64 = 0
        var lastSweep: Date = .distantPast
    }

    private let load: Loader
    private let now: @Sendable () -> Date
    private let state = Mutex(State())

    /// - Parameters:
    ///   - ttl: how long a read stays fresh (one second by default).
    ///   - ledgerLag: how long adds outlive a newer read (none by default).
    ///   - now: the clock, injectable for tests.
    ///   - load: the read, usually ``Store/keyUsage(clientKey:since:)``.
    public init(
        ttl: TimeInterval = 1, ledgerLag: TimeInterval = 0, now: @escaping @Sendable () -> Date = { Date() },
        load: @escaping Loader
    ) {
        self.ttl = max(0, ttl)
        self.ledgerLag = max(0, ledgerLag)
        self.now = now
        self.load = load
    }

    /// A cache reading ``Store/keyUsage(clientKey:since:)``.
    public convenience init(
        store: any Store, ttl: TimeInterval = 1, ledgerLag: TimeInterval = 0, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.init(ttl: ttl, ledgerLag: ledgerLag, now: now) { key, since in
            try await store.keyUsage(clientKey: key, since: since)
        }
    }

    /// What `key` spent since `since`: a fresh enough read plus the local adds made after it started.
    public func usage(key: String, since: Date) async throws -> KeyUsage {
        let id = EntryID(key: key, since: since)
        let current = now()
        enum Step {
            case fresh(KeyUsage, Date)
            case wait(UInt64, Date, Task<KeyUsage, any Error>)
        }
        let step = state.withLock { state -> Step in
            sweep(&state, now: current)
            var entry = state.entries[id] ?? Entry()
            if let usage = entry.usage, current.timeIntervalSince(entry.readAt) < ttl {
                return .fresh(usage, entry.readAt)
            }
            if let pending = entry.pending {
                return .wait(pending.id, pending.startedAt, pending.task)
            }
            state.nextID += 1
            let load = self.load
            let task = Task { try await load(key, since) }
            entry.pending = (state.nextID, current, task)
            state.entries[id] = entry
            return .wait(state.nextID, current, task)
        }
        let base: KeyUsage
        let readAt: Date
        switch step {
        case .fresh(let usage, let at):
            (base, readAt) = (usage, at)
        case .wait(let taskID, let startedAt, let task):
            do {
                base = try await task.value
            } catch {
                state.withLock { state in
                    if state.entries[id]?.pending?.id == taskID { state.entries[id]?.pending = nil }
                }
                throw error
            }
            readAt = startedAt
            state.withLock { state in
                guard state.entries[id]?.pending?.id == taskID else { return }
                state.entries[id] = Entry(usage: base, readAt: startedAt, pending: nil)
            }
        }
        return state.withLock { state in
            var usage = base
            let from = max(since, readAt.addingTimeInterval(-ledgerLag))
            for add in state.adds[key] ?? [] where add.at >= from {
                usage.requests += 1
                usage.tokens += add.tokens
                usage.costMicros += add.costMicros
            }
            return usage
        }
    }

    /// Counts a request by `key` that finished here: one request, its tokens and its cost.
    public func add(key: String, tokens: Int, costMicros: Int) {
        let current = now()
        state.withLock { state in
            state.adds[key, default: []].append(LocalAdd(at: current, tokens: tokens, costMicros: costMicros))
            sweep(&state, now: current)
        }
    }

    /// What `key`'s requests that finished here since `since` spent, as far as the adds still kept
    /// go: a floor to use when the store does not answer in time.
    public func localUsage(key: String, since: Date) -> KeyUsage {
        state.withLock { state in
            var usage = KeyUsage()
            for add in state.adds[key] ?? [] where add.at >= since {
                usage.requests += 1
                usage.tokens += add.tokens
                usage.costMicros += add.costMicros
            }
            return usage
        }
    }

    /// Forgets every read and add (after a key's limits change, for example).
    public func reset() {
        state.withLock { state in
            state.entries.removeAll()
            state.adds.removeAll()
        }
    }

    /// Drops adds no fresh read could still count and stale reads, at most once per ttl.
    private func sweep(_ state: inout State, now current: Date) {
        guard current.timeIntervalSince(state.lastSweep) >= max(ttl, 0.001) else { return }
        state.lastSweep = current
        // A read older than ttl is refreshed before use, so adds before (now - ttl - lag) never count
        // again; a read still running counts adds from its start (less the lag).
        let oldestRead = state.entries.values.compactMap { $0.pending?.startedAt }.min() ?? current
        let horizon = min(current.addingTimeInterval(-ttl), oldestRead).addingTimeInterval(-ledgerLag)
        state.entries = state.entries.filter { $0.value.pending != nil || $0.value.readAt >= horizon }
        for key in Array(state.adds.keys) {
            state.adds[key]?.removeAll { $0.at < horizon }
            if state.adds[key]?.isEmpty == true { state.adds[key] = nil }
        }
    }
}
