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
        var models: [ModelProfile]
        if provider.models.isEmpty {
            models = entry?.models ?? []
        } else {
            models = provider.models.map { name in
                // Keep the configured name as the id: it is what clients write and what the provider gets.
                var profile = ProviderCatalog.profile(provider: provider.kind, model: name) ?? ModelProfile(id: name)
                profile.id = name
                return profile
            }
        }
        for (name, prices) in provider.prices {
            if let index = models.firstIndex(where: { $0.id == name }) {
                models[index].prices = prices
            } else if provider.models.isEmpty {
                var profile = ModelProfile(id: name)
                profile.prices = prices
                models.append(profile)
            }
        }
        return JunctionRouting.ProviderConfig(
            id: provider.id, format: provider.format, accountCount: max(1, provider.apiKeys.count),
            accountSelection: provider.accountSelection, models: models, acceptsUnlistedModels: provider.models.isEmpty,
            budgets: provider.budgets, collectsData: entry?.collectsData ?? false,
            keyFingerprints: provider.apiKeys.map { Optional(fingerprint($0)) })
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
