import Foundation
import JunctionProviders
import JunctionSaver
import JunctionStore
import JunctionWire
import Logging

/// Builds the configuration in effect from the file's and what the admin API stored: providers,
/// combos and client keys are added to the file's (the file wins a name clash), settings override.
///
/// A stored item that no longer validates (a provider kind that left the catalog, a secret sealed
/// with another key) is skipped with a warning rather than stopping the server.
struct ManagedConfiguration: Sendable {
    let file: JunctionConfig
    let store: any Store
    let secrets: SecretBox
    let loader: ConfigLoader
    let logger: Logger

    func load() async throws -> JunctionConfig {
        var config = file
        for item in try await store.managedItems(kind: .provider) where config.provider(id: item.name) == nil {
            do {
                config.providers.append(try provider(from: item.document))
            } catch {
                logger.warning("skipping stored provider", metadata: ["provider": "\(item.name)", "error": "\(Self.describe(error))"])
            }
        }
        config = addStoredCombos(try await store.managedItems(kind: .combo), to: config)
        let storedKeys = try await store.clientKeys()
        config.requiresClientKeys = config.requiresClientKeys || !storedKeys.isEmpty
        for key in storedKeys where !key.isRevoked && !config.clientKeys.contains(where: { $0.name == key.name }) {
            config.clientKeys.append(
                ClientKey(name: key.name, hash: key.hash, saver: key.saver.flatMap(SaverLevel.init(rawValue:)), limits: key.limits, id: key.id, source: .api))
        }
        for item in try await store.managedItems(kind: .setting) {
            apply(setting: item, to: &config)
        }
        return config
    }

    /// Adds the stored combos that validate, skipping (with a warning) any that names what is not
    /// there, say a provider skipped above, rather than failing the whole configuration. Combos may
    /// name each other, so this repeats until no more can be added.
    private func addStoredCombos(_ items: [ManagedItem], to file: JunctionConfig) -> JunctionConfig {
        var config = file
        var pending: [(name: String, combo: ComboConfig)] = []
        for item in items where config.combo(named: item.name) == nil {
            do {
                var combo = try loader.combo(document: item.document, label: "combo \(item.name)")
                combo.source = .api
                pending.append((item.name, combo))
            } catch {
                logger.warning("skipping stored combo", metadata: ["combo": "\(item.name)", "error": "\(Self.describe(error))"])
            }
        }
        var progressed = true
        while progressed, !pending.isEmpty {
            progressed = false
            for (index, entry) in pending.enumerated().reversed() {
                var candidate = config
                candidate.combos.append(entry.combo)
                guard let valid = try? loader.validate(candidate) else { continue }
                config = valid
                pending.remove(at: index)
                progressed = true
            }
        }
        for entry in pending {
            var candidate = config
            candidate.combos.append(entry.combo)
            var problem = "does not validate"
            do { _ = try loader.validate(candidate) } catch { problem = Self.describe(error) }
            logger.warning("skipping stored combo", metadata: ["combo": "\(entry.name)", "error": "\(problem)"])
        }
        return config
    }

    /// A stored provider document: the file's provider fields plus `accounts: [{name, key}]` with sealed keys.
    func provider(from document: String) throws -> ProviderConfig {
        let stored = try StoredProvider(document: document)
        var provider = try loader.provider(document: stored.definition.serializedString(), defaultTimeouts: file.timeouts, label: "provider")
        provider.apiKeys = try stored.accounts.map { try secrets.open($0.sealedKey) }
        provider.accountNames = stored.accounts.map(\.name)
        provider.source = .api
        return provider
    }

    private func apply(setting item: ManagedItem, to config: inout JunctionConfig) {
        switch item.name {
        case "saver":
            if let level = (try? JSONValue(parsing: item.document))?.stringValue.flatMap(SaverLevel.init(rawValue:)) {
                config.saver = level
            }
        default:
            break
        }
    }

    static func describe(_ error: any Error) -> String {
        (error as? ConfigError)?.message ?? "\(error)"
    }
}
