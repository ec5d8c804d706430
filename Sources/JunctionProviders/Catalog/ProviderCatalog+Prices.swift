public import JunctionWire

extension ProviderCatalog {
    /// The catalog's prices for a model: from the entry named like the provider if it lists the
    /// model, else from the first entry that does (matching ids and aliases).
    public static func prices(provider: String, model: String) -> ModelPrices? {
        if let entry = entry(provider), let prices = entry.model(model)?.prices { return prices }
        for entry in all {
            if let prices = entry.models.first(where: { $0.answers(to: model) })?.prices { return prices }
        }
        return nil
    }
}
