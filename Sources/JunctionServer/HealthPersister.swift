import Foundation
import JunctionRouting
import JunctionStore
import Logging
import ServiceLifecycle

/// Writes the routing engine's health state to the database when it changes (checked every couple
/// of seconds) and once more on shutdown, so cooldowns and breakers survive a restart.
///
/// Instances sharing a database share one saved state: each round first merges what is saved
/// (perhaps by another instance) into this one's, then saves the result if it changed, so every
/// instance converges on the union within a couple of rounds even when two save at once.
struct HealthPersister: Service {
    let router: SharedRouter
    let database: any Store
    let logger: Logger
    var interval: Duration = .seconds(2)

    func run() async {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            await mergeAndSave()
        }
        await mergeAndSave()
    }

    /// Merges the saved state into this instance's, then saves the result unless the saved state is
    /// already exactly that: so another instance's write that lacks what this one knows is corrected.
    private func mergeAndSave() async {
        let stored = try? await database.loadRoutingHealth()
        if let stored, let other = try? JSONDecoder().decode(HealthState.self, from: stored) {
            router.merge(other)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(router.snapshot()), data != stored else { return }
        do {
            try await database.saveRoutingHealth(data)
            logger.debug("saved routing health", metadata: ["bytes": "\(data.count)"])
        } catch {
            logger.error("could not save routing health", metadata: ["error": "\(error)"])
        }
    }

    /// The saved health state, or an empty one.
    static func restore(from database: any Store, logger: Logger) async -> HealthState {
        guard let data = try? await database.loadRoutingHealth() else { return HealthState() }
        do {
            return try JSONDecoder().decode(HealthState.self, from: data)
        } catch {
            logger.warning("ignoring unreadable saved routing health", metadata: ["error": "\(error)"])
            return HealthState()
        }
    }
}
