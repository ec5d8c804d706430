import Logging
public import ServiceLifecycle
import Synchronization

/// Writes usage records off the request path, batching whatever queued up during the last write.
///
/// Run it as a `Service`; on graceful shutdown it writes everything still queued before returning.
/// ``flush()`` waits until every record queued before the call is on disk.
public final class Ledger: Service, Sendable {
    private enum Entry: Sendable {
        case record(UsageRecord)
        case flush(CheckedContinuation<Void, Never>)
    }

    private let database: JunctionDatabase
    private let logger: Logger
    private let pending = Mutex<[Entry]>([])
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    public init(database: JunctionDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues a record; it is written shortly, in order.
    public func record(_ record: UsageRecord) {
        pending.withLock { $0.append(.record(record)) }
        wake.yield()
    }

    /// Returns once every record queued before this call has been written.
    public func flush() async {
        await withCheckedContinuation { continuation in
            pending.withLock { $0.append(.flush(continuation)) }
            wake.yield()
        }
    }

    public func run() async {
        await withGracefulShutdownHandler {
            for await _ in wakeups { await drain() }
        } onGracefulShutdown: {
            self.wake.finish()
        }
        await drain()
    }

    private func drain() async {
        while true {
            let entries = pending.withLock { entries in
                defer { entries.removeAll() }
                return entries
            }
            if entries.isEmpty { return }
            var records: [UsageRecord] = []
            var waiters: [CheckedContinuation<Void, Never>] = []
            for entry in entries {
                switch entry {
                case .record(let record): records.append(record)
                case .flush(let waiter): waiters.append(waiter)
                }
            }
            if !records.isEmpty {
                do {
                    try await database.insert(records)
                } catch {
                    logger.error("usage ledger write failed", metadata: ["records": "\(records.count)", "error": "\(error)"])
                }
            }
            for waiter in waiters { waiter.resume() }
        }
    }
}
