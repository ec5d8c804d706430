import JunctionGateway
import ServiceLifecycle

/// Applies changes from the store's feed (other instances' configuration and health) until shutdown.
struct ConfigWatcher: Service {
    let administration: Administration

    func run() async {
        await cancelWhenGracefulShutdown { await administration.watchChanges() }
    }
}
