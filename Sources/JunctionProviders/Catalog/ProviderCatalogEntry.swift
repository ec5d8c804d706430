public import JunctionWire

/// One provider Junction knows out of the box: how to reach it and what it serves.
///
/// A configuration names an entry with `kind: deepseek` instead of spelling out `format` and
/// `base_url`, and may override any field (see ``ProviderCatalogEntry/applying(_:)``).
public struct ProviderCatalogEntry: Sendable, Hashable, Codable {
    /// The `kind:` name used in configuration files.
    public var id: String
    /// A human-readable name.
    public var displayName: String
    /// The API format the provider speaks.
    public var format: APIFormat
    /// The base URL requests are sent under (e.g. `https://api.openai.com/v1`). `{resource}`-style
    /// placeholders must be filled in by the configuration; an empty URL must be given by it.
    public var baseURL: String
    /// How the API key is sent.
    public var auth: ProviderAuthStyle
    /// Known models with their context windows, capabilities and prices.
    public var models: [ModelProfile]
    /// Whether model ids not listed here are passed through (aggregators, local servers).
    public var acceptsUnlistedModels: Bool
    /// Whether the provider may retain or train on prompts by default (excluded by `data_collection: deny`).
    public var collectsData: Bool
    /// Where the figures came from.
    public var source: CatalogSource

    /// Creates an entry.
    public init(
        id: String, displayName: String, format: APIFormat, baseURL: String, auth: ProviderAuthStyle,
        models: [ModelProfile], acceptsUnlistedModels: Bool = false, collectsData: Bool = false, source: CatalogSource
    ) {
        self.id = id
        self.displayName = displayName
        self.format = format
        self.baseURL = baseURL
        self.auth = auth
        self.models = models
        self.acceptsUnlistedModels = acceptsUnlistedModels
        self.collectsData = collectsData
        self.source = source
    }

    /// The `{placeholder}` names in ``baseURL`` that the configuration must fill in.
    public var baseURLPlaceholders: [String] {
        var names: [String] = []
        var rest = Substring(baseURL)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The profile of model `id` (or alias), if listed.
    public func model(_ id: String) -> ModelProfile? {
        models.first { $0.id == id } ?? models.first { $0.answers(to: id) }
    }

    /// This entry with a configuration's overrides applied.
    public func applying(_ override: CatalogOverride) -> ProviderCatalogEntry {
        var copy = self
        if let value = override.baseURL { copy.baseURL = value }
        if let value = override.format { copy.format = value }
        if let value = override.auth { copy.auth = value }
        if let value = override.acceptsUnlistedModels { copy.acceptsUnlistedModels = value }
        if let value = override.collectsData { copy.collectsData = value }
        for (index, model) in copy.models.enumerated() {
            if let patch = override.models[model.id] { copy.models[index] = model.overlaid(with: patch) }
        }
        for extra in override.extraModels {
            if let index = copy.models.firstIndex(where: { $0.id == extra.id }) {
                copy.models[index] = extra
            } else {
                copy.models.append(extra)
            }
        }
        if !override.models.isEmpty || !override.extraModels.isEmpty || override.baseURL != nil {
            copy.source.note += " Overridden by configuration."
        }
        return copy
    }
}

/// What a configuration changes in a catalog entry; `nil` keeps the catalog's value.
public struct CatalogOverride: Sendable, Hashable, Codable {
    /// Replacement base URL (also how `{resource}` placeholders are filled).
    public var baseURL: String?
    /// Replacement format.
    public var format: APIFormat?
    /// Replacement auth style.
    public var auth: ProviderAuthStyle?
    /// Replacement for ``ProviderCatalogEntry/acceptsUnlistedModels``.
    public var acceptsUnlistedModels: Bool?
    /// Replacement for ``ProviderCatalogEntry/collectsData``.
    public var collectsData: Bool?
    /// Field overrides for listed models, by model id.
    public var models: [String: ModelProfileOverride]
    /// Models to add (or replace whole).
    public var extraModels: [ModelProfile]

    /// Creates an override.
    public init(
        baseURL: String? = nil, format: APIFormat? = nil, auth: ProviderAuthStyle? = nil,
        acceptsUnlistedModels: Bool? = nil, collectsData: Bool? = nil,
        models: [String: ModelProfileOverride] = [:], extraModels: [ModelProfile] = []
    ) {
        self.baseURL = baseURL
        self.format = format
        self.auth = auth
        self.acceptsUnlistedModels = acceptsUnlistedModels
        self.collectsData = collectsData
        self.models = models
        self.extraModels = extraModels
    }
}
