import Foundation
import JunctionProviders
import JunctionRouting
import JunctionWire

/// Maps the configuration file onto the routing engine's configuration, filling in what the provider
/// catalog knows about each model (context window, capabilities, prices).
enum RoutingSetup {
    static func routingConfig(_ config: JunctionConfig) -> RoutingConfig {
        RoutingConfig(
            providers: config.providers.map(provider),
            combos: config.combos.map { JunctionRouting.ComboConfig(name: $0.name, strategy: $0.strategy, tiers: $0.tiers, sticky: $0.sticky) },
            policy: config.routing)
    }

    private static func provider(_ provider: ProviderConfig) -> JunctionRouting.ProviderConfig {
        let entry = provider.kind.flatMap(ProviderCatalog.entry)
        let models: [ModelProfile]
        if provider.models.isEmpty {
            models = entry?.models ?? []
        } else {
            models = provider.models.map { name in entry?.model(name) ?? catalogProfile(name) ?? ModelProfile(id: name) }
        }
        return JunctionRouting.ProviderConfig(
            id: provider.id, format: provider.format, accountCount: max(1, provider.apiKeys.count),
            accountSelection: provider.accountSelection, models: models, acceptsUnlistedModels: provider.models.isEmpty,
            budgets: provider.budgets, collectsData: entry?.collectsData ?? false,
            keyFingerprints: provider.apiKeys.map { Optional(fingerprint($0)) })
    }

    /// What the catalog knows about a model name, from whichever entry lists it.
    private static func catalogProfile(_ name: String) -> ModelProfile? {
        for entry in ProviderCatalog.all {
            if let profile = entry.model(name) { return ModelProfile(id: name, aliases: profile.aliases, contextWindow: profile.contextWindow, maxOutputTokens: profile.maxOutputTokens, capabilities: profile.capabilities, prices: profile.prices) }
        }
        return nil
    }

    /// Four bytes of an FNV-1a hash: enough to notice that a key changed (which re-enables an account a
    /// 401 disabled), too little to say anything about the key itself.
    static func fingerprint(_ key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return String(UInt32(truncatingIfNeeded: hash ^ (hash >> 32)), radix: 16)
    }
}

extension SkipReason {
    /// When a skipped target becomes usable again, if the reason says.
    var until: Date? {
        switch self {
        case .resting(let until), .modelDisabled(let until), .breakerOpen(let until), .quotaExhausted(_, let until): return until
        case .accountDisabled(_, let until): return until
        default: return nil
        }
    }
}
