import JunctionWire

/// The built-in provider catalog: pure data, no I/O.
///
/// Figures (base URLs, model ids, context windows, prices per million tokens) were checked with the
/// date and pages recorded in each entry's ``ProviderCatalogEntry/source``; prices change often, so
/// every figure can be overridden in the configuration.
public enum ProviderCatalog {
    /// Every entry, in a stable order.
    public static let all: [ProviderCatalogEntry] = firstParty + hosts + chinese + local

    /// The entry with `kind` id `id`.
    public static func entry(_ id: String) -> ProviderCatalogEntry? {
        all.first { $0.id == id }
    }

    /// The date the catalog was last checked.
    public static let checked = "2026-11-23"

    /// Builds a model profile tersely; prices are dollars per million tokens.
    static func model(
        _ id: String, context: Int?, maxOut: Int? = nil, _ capabilities: ModelCapabilities?,
        input: Double?, output outputPrice: Double?, cached: Double? = nil, aliases: [String] = []
    ) -> ModelProfile {
        let prices: ModelPrices? = if let input, let outputPrice {
            ModelPrices(input: input, output: outputPrice, cachedInput: cached)
        } else {
            nil
        }
        return ModelProfile(id: id, aliases: aliases, contextWindow: context, maxOutputTokens: maxOut, capabilities: capabilities, prices: prices)
    }

    /// Tools, images and thinking.
    static let all3: ModelCapabilities = [.tools, .images, .thinking]
    /// Tools and images.
    static let toolsImages: ModelCapabilities = [.tools, .images]
    /// Tools and thinking.
    static let toolsThinking: ModelCapabilities = [.tools, .thinking]
}
