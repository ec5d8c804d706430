import Foundation
import JunctionRouting
import JunctionStore
import Logging
import ServiceLifecycle

/// Writes the routing engine's health state to the database when it changes (checked every couple
/// of seconds) and once more on shutdown, so cooldowns and breakers survive a restart.
struct HealthPersister: Service {
    let router: SharedRouter
    let database: any Store
    let logger: Logger
    var interval: Duration = .seconds(2)

    func run() async {
        var saved = try? await database.loadRoutingHealth()
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            saved = await saveIfChanged(last: saved)
        }
        _ = await saveIfChanged(last: saved)
    }

    private func saveIfChanged(last: Data?) async -> Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(router.snapshot()), data != last else { return last }
        do {
            try await database.saveRoutingHealth(data)
            return data
        } catch {
            logger.error("could not save routing health", metadata: ["error": "\(error)"])
            return last
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
