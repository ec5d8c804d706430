import Foundation
import JunctionProviders
import JunctionRouting
import JunctionWire
import Testing

@Suite("Provider catalog")
struct CatalogTests {
    static let required = [
        "openai", "anthropic", "gemini", "openrouter", "deepseek", "groq", "mistral", "xai", "together", "fireworks",
        "cerebras", "zhipu", "minimax", "moonshot", "qwen", "perplexity", "azure-openai", "ollama", "lmstudio", "vllm",
        "openai-compatible",
    ]

    @Test func hasAtLeastTwentyProvidersWithUniqueIds() {
        let ids = ProviderCatalog.all.map(\.id)
        #expect(ids.count >= 20)
        #expect(Set(ids).count == ids.count, "duplicate ids")
        #expect(Set(Self.required).isSubset(of: Set(ids)))
    }

    @Test("every hosted entry lists models without duplicates", arguments: ProviderCatalog.all)
    func entriesAreWellFormed(_ entry: ProviderCatalogEntry) {
        let ids = entry.models.map(\.id)
        #expect(Set(ids).count == ids.count, "\(entry.id) has duplicate model ids")
        if !entry.acceptsUnlistedModels || !["lmstudio", "vllm", "openai-compatible"].contains(entry.id) {
            #expect(!entry.models.isEmpty, "\(entry.id) lists no models")
        }
        #expect(!entry.source.checked.isEmpty && !entry.source.note.isEmpty)
        if entry.id != "openai-compatible" {
            #expect(entry.baseURL.hasPrefix("https://") || entry.baseURL.hasPrefix("http://localhost"))
            #expect(!entry.source.urls.isEmpty)
        }
        for model in entry.models {
            if let prices = model.prices {
                #expect(prices.input >= 0 && prices.output >= 0)
                if let cached = prices.cachedInput { #expect(cached <= prices.input, "\(entry.id)/\(model.id) cached > input") }
            }
            if let window = model.contextWindow, let output = model.maxOutputTokens {
                #expect(output <= window, "\(entry.id)/\(model.id)")
            }
        }
    }

    @Test func authStyles() {
        #expect(ProviderCatalog.entry("anthropic")?.auth == .anthropic(version: "2023-06-01"))
        #expect(ProviderCatalog.entry("gemini")?.auth == .googAPIKey)
        #expect(ProviderCatalog.entry("azure-openai")?.auth == .azureAPIKey)
        #expect(ProviderCatalog.entry("deepseek")?.auth == .bearer)
        let headers = ProviderAuthStyle.anthropic(version: "2023-06-01").headers(apiKey: "k")
        #expect(headers.map(\.name) == ["x-api-key", "anthropic-version"])
        #expect(ProviderAuthStyle.none.headers(apiKey: nil).isEmpty)
    }

    @Test func formats() {
        #expect(ProviderCatalog.entry("anthropic")?.format == .anthropic)
        #expect(ProviderCatalog.entry("gemini")?.format == .gemini)
        #expect(ProviderCatalog.entry("openai-responses")?.format == .openAIResponses)
        #expect(ProviderCatalog.entry("groq")?.format == .openAIChat)
    }

    @Test func overridesApply() throws {
        let azure = try #require(ProviderCatalog.entry("azure-openai"))
        #expect(azure.baseURLPlaceholders == ["resource"])
        let mine = azure.applying(CatalogOverride(
            baseURL: "https://acme.openai.azure.com/openai/v1",
            models: ["gpt-4o": ModelProfileOverride(prices: ModelPrices(input: 2, output: 8))],
            extraModels: [ModelProfile(id: "my-deployment", contextWindow: 64_000)]
        ))
        #expect(mine.baseURLPlaceholders.isEmpty)
        #expect(mine.model("gpt-4o")?.prices == ModelPrices(input: 2, output: 8))
        #expect(mine.model("gpt-4o")?.contextWindow == 128_000, "other fields kept")
        #expect(mine.model("my-deployment")?.contextWindow == 64_000)
        #expect(mine.source.note.hasSuffix("Overridden by configuration."))
    }

    /// The catalog feeds routing directly: profiles are JunctionWire values both modules share.
    @Test func catalogProfilesRouteALogicalModelAcrossProviders() throws {
        func provider(_ kind: String) throws -> ProviderConfig {
            let entry = try #require(ProviderCatalog.entry(kind))
            return ProviderConfig(id: entry.id, format: entry.format, models: entry.models, acceptsUnlistedModels: entry.acceptsUnlistedModels, collectsData: entry.collectsData)
        }
        let config = RoutingConfig(providers: [try provider("anthropic"), try provider("openrouter")])
        let router = SharedRouter(config: config, clock: ManualRoutingClock())
        let session = try router.plan(RouteRequest(model: "claude-sonnet-4-5", estimatedInputTokens: 500_000, capabilities: [.tools]))
        // 500K tokens exceed Anthropic's listed 200K window: only OpenRouter's 1M entry remains.
        #expect(session.pending.map(\.label) == ["openrouter/anthropic/claude-sonnet-4.5#0"])
        #expect(session.skipped.first?.reason == .contextTooSmall(window: 200_000, needed: 501_000))
    }
}
