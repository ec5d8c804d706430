public import Foundation
public import JunctionStore
public import Logging
import JunctionRouting

/// What the admin API does, without HTTP: reads and changes providers, combos, client keys and
/// settings (validated as at start-up, stored in the database, applied at once), and reads usage.
///
/// Items from the YAML file are shown with `"source": "file"` and refused changes; items made here
/// live in the store, whose change feed (``watchChanges()``) applies changes made by other instances.
public final class Administration: Sendable {
    public let gateway: Gateway
    public let store: any Store
    let managed: ManagedConfiguration
    let logger: Logger
    /// The moment of ``now``, injectable for tests of usage windows.
    let clock: @Sendable () -> Date

    public init(
        fileConfig: JunctionConfig, gateway: Gateway, store: any Store, secrets: SecretBox, logger: Logger,
        environment: [String: String] = ProcessInfo.processInfo.environment, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.gateway = gateway
        self.store = store
        self.managed = ManagedConfiguration(
            file: fileConfig, store: store, secrets: secrets, loader: ConfigLoader(environment: environment), logger: logger)
        self.logger = logger
        self.clock = clock
    }

    var secrets: SecretBox { managed.secrets }
    var fileConfig: JunctionConfig { managed.file }

    /// Rebuilds the configuration from the file and the store and hands it to the gateway.
    public func reload() async throws {
        let config = try await managed.load()
        do {
            gateway.apply(try managed.loader.validate(config))
        } catch {
            // Another instance stored something this one cannot route (a combo naming a provider it skipped…):
            // keep the file's configuration valid rather than serving half of it.
            logger.error("stored configuration does not validate; keeping the previous one", metadata: ["error": "\(ManagedConfiguration.describe(error))"])
        }
    }

    /// Applies changes from the store's feed until it ends: configuration changes reload, health changes
    /// from other instances are merged into this one's.
    public func watchChanges() async {
        for await change in store.changes() {
            switch change.kind {
            case .managed(.session), .managed(.admin):
                continue
            case .managed, .clientKeys:
                // This process's own changes were applied by the call that made them.
                guard !change.isLocal else { continue }
                try? await reload()
            case .health:
                guard !change.isLocal, let data = try? await store.loadRoutingHealth(),
                    let other = try? JSONDecoder().decode(HealthState.self, from: data)
                else { continue }
                gateway.router.merge(other)
            }
        }
    }

    /// Validates a candidate configuration as start-up would.
    func validate(_ candidate: JunctionConfig) throws(AdminError) {
        do {
            _ = try managed.loader.validate(candidate)
        } catch {
            throw .invalid(ManagedConfiguration.describe(error))
        }
    }

    /// Runs a store call, turning its failure into a 503.
    func storing<T: Sendable>(_ body: () async throws -> T) async throws(AdminError) -> T {
        do {
            return try await body()
        } catch {
            throw .storage(error)
        }
    }
}
