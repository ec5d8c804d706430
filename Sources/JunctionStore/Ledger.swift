import Logging
public import ServiceLifecycle
import Synchronization

/// Writes usage records off the request path, batching whatever queued up during the last write.
///
/// Run it as a `Service`; on graceful shutdown it writes everything still queued before returning.
/// ``flush()`` waits until every record queued before the call is written (or, with the store
/// unreachable, until one write was tried).
///
/// When the store fails, records stay queued and the write is retried every ``retryInterval``;
/// requests keep being served. The queue holds at most ``capacity`` records: a record that arrives
/// when it is full is dropped and counted in ``droppedCount``, so memory stays flat however long
/// the store is down.
public final class Ledger: Service, Sendable {
    /// Records held while the store is slow or down.
    public let capacity: Int
    /// How long to wait before writing again after a failed write.
    public let retryInterval: Duration

    private struct Queue {
        var records: [UsageRecord] = []
        var waiters: [CheckedContinuation<Void, Never>] = []
        var dropped = 0
    }

    private let store: any Store
    private let logger: Logger
    private let queue = Mutex(Queue())
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    public init(store: any Store, logger: Logger, capacity: Int = 20_000, retryInterval: Duration = .seconds(1)) {
        self.store = store
        self.logger = logger
        self.capacity = max(1, capacity)
        self.retryInterval = retryInterval
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues a record; it is written shortly, in order. When the queue is full it is dropped and counted.
    public func record(_ record: UsageRecord) {
        let accepted = queue.withLock { queue in
            guard queue.records.count < capacity else {
                queue.dropped += 1
                return false
            }
            queue.records.append(record)
            return true
        }
        if accepted { wake.yield() }
    }

    /// Records waiting to be written.
    public var queueDepth: Int { queue.withLock { $0.records.count } }

    /// Records dropped because the queue was full, since start.
    public var droppedCount: Int { queue.withLock { $0.dropped } }

    /// Returns once every record queued before this call has been written, or a write of them failed.
    public func flush() async {
        await withCheckedContinuation { continuation in
            queue.withLock { $0.waiters.append(continuation) }
            wake.yield()
        }
    }

    public func run() async {
        await withGracefulShutdownHandler {
            for await _ in wakeups {
                if await !drain() {
                    try? await Task.sleep(for: retryInterval)
                    wake.yield()
                }
            }
        } onGracefulShutdown: {
            self.wake.finish()
        }
        _ = await drain()
    }

    /// Writes what is queued; `false` when the store refused it (the records stay queued).
    private func drain() async -> Bool {
        while true {
            let (records, waiters) = queue.withLock { queue in
                defer { queue.waiters.removeAll() }
                return (queue.records, queue.waiters)
            }
            if records.isEmpty {
                for waiter in waiters { waiter.resume() }
                return true
            }
            do {
                try await store.insert(records)
                queue.withLock { $0.records.removeFirst(min(records.count, $0.records.count)) }
                for waiter in waiters { waiter.resume() }
            } catch {
                logger.error("usage ledger write failed; will retry", metadata: ["records": "\(records.count)", "error": "\(error)"])
                for waiter in waiters { waiter.resume() }
                return false
            }
        }
    }
}
