import Foundation
import Logging
import PostgresNIO
import Synchronization

/// Where the change listener is: whether it listens now, and how many times it started to.
struct ListenerState: Sendable {
    var isListening = false
    /// Incremented each time a `LISTEN` succeeds; above 1 after a reconnection.
    var generation = 0
}

extension PostgresStore {
    /// How often the listening connection is pinged, so that a silently dead connection is noticed.
    static let listenerPingInterval: Duration = .seconds(15)

    /// Listens on ``channel`` on a connection of its own, republishing other instances' changes, and
    /// reconnects with a growing delay (0.1 s doubling to 5 s) whenever the connection is lost.
    /// Returns when the task is cancelled.
    func listen() async {
        var failures = 0
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: Self.channel) { notifications in
                        failures = 0
                        listenerStarted()
                        try await withThrowingTaskGroup(of: Void.self) { group in
                            group.addTask {
                                for try await notification in notifications { self.receive(notification.payload) }
                            }
                            group.addTask {
                                while true {
                                    try await Task.sleep(for: Self.listenerPingInterval)
                                    try await connection.query("SELECT 1", logger: self.logger)
                                }
                            }
                            // Either the notifications ended (the connection closed) or a ping failed.
                            try await group.next()
                            group.cancelAll()
                        }
                    }
                }
                if Task.isCancelled { break }
                logger.warning("PostgreSQL change listener's connection closed; reconnecting", metadata: ["store": "\(label)"])
            } catch {
                if Task.isCancelled { break }
                logger.warning(
                    "PostgreSQL change listener lost its connection; reconnecting",
                    metadata: ["store": "\(label)", "reason": "\(Self.safeReason(error))"])
            }
            listener.withLock { $0.isListening = false }
            if Task.isCancelled { break }
            failures += 1
            let delay = min(5.0, 0.1 * pow(2, Double(min(failures - 1, 6))))
            try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
        }
        listener.withLock { $0.isListening = false }
    }

    private func listenerStarted() {
        let generation = listener.withLock { state in
            state.isListening = true
            state.generation += 1
            return state.generation
        }
        guard generation > 1 else { return }
        logger.info("PostgreSQL change listener reconnected", metadata: ["store": "\(label)"])
        // Notifications sent while the listener was away are lost: tell subscribers to reload everything.
        let kinds: [StoreChange.Kind] = [.health, .clientKeys]
            + ManagedKind.allCases.filter { $0 != .session }.map(StoreChange.Kind.managed)
        for kind in kinds { broadcaster.publish(StoreChange(kind: kind, isLocal: false)) }
    }

    /// Publishes a notification `<wireName>|<instance id>` sent by another instance.
    func receive(_ payload: String) {
        let parts = payload.split(separator: "|", maxSplits: 1)
        guard parts.count == 2, let kind = StoreChange.kind(wireName: String(parts[0])) else {
            logger.debug("ignoring an unknown change notification", metadata: ["store": "\(label)"])
            return
        }
        // This instance published its own changes when they committed.
        guard parts[1] != instanceID.uuidString[...] else { return }
        broadcaster.publish(StoreChange(kind: kind, isLocal: false))
    }

    /// Waits until the change listener listens (it starts with ``run()``); `false` after `timeout`.
    public func waitUntilListening(timeout: Duration = .seconds(10)) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if listener.withLock({ $0.isListening }) { return true }
            do { try await Task.sleep(for: .milliseconds(10)) } catch { return false }
        }
        return listener.withLock { $0.isListening }
    }

    /// How many times the listener started listening (more than 1 after a reconnection).
    var listenerGeneration: Int { listener.withLock { $0.generation } }
}
