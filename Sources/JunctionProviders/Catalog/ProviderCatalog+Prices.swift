public import JunctionWire

extension ProviderCatalog {
    /// What the catalog knows about a model: from the entry named `provider` if it lists the model,
    /// else from the first entry that does (matching ids and aliases).
    public static func profile(provider: String?, model: String) -> ModelProfile? {
        if let provider, let profile = entry(provider)?.model(model) { return profile }
        for entry in all {
            if let profile = entry.models.first(where: { $0.answers(to: model) }) { return profile }
        }
        return nil
    }

    /// The catalog's prices for a model, found as ``profile(provider:model:)`` finds it.
    public static func prices(provider: String, model: String) -> ModelPrices? {
        profile(provider: provider, model: model)?.prices
    }
}
