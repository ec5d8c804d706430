import JunctionGateway
import JunctionStore
import ServiceLifecycle

/// Applies changes from the store's feed (other instances' configuration and health) until shutdown.
/// On SQLite it also watches for changes another process made to the file (`junction keys revoke`).
struct ConfigWatcher: Service {
    let administration: Administration

    func run() async {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await administration.watchChanges() }
                if let database = administration.store as? JunctionDatabase {
                    group.addTask { await database.watchOtherProcesses() }
                }
            }
        }
    }
}
