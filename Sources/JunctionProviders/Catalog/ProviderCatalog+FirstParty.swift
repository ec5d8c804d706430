import JunctionWire

extension ProviderCatalog {
    /// Model vendors' own APIs.
    static let firstParty: [ProviderCatalogEntry] = [openAI, openAIResponses, anthropic, gemini, mistral, xAI, perplexity, azureOpenAI]

    static let openAIModels: [ModelProfile] = [
        model("gpt-5", context: 400_000, maxOut: 128_000, all3, input: 1.25, output: 10, cached: 0.125),
        model("gpt-5-mini", context: 400_000, maxOut: 128_000, all3, input: 0.25, output: 2, cached: 0.025),
        model("gpt-5-nano", context: 400_000, maxOut: 128_000, all3, input: 0.05, output: 0.40, cached: 0.005),
        model("gpt-5.4", context: nil, maxOut: 128_000, all3, input: 2.50, output: 15, cached: 0.25),
        model("gpt-5.5", context: nil, all3, input: 5, output: 30, cached: 0.50),
        model("gpt-4.1", context: 1_047_576, maxOut: 32_768, toolsImages, input: 2, output: 8, cached: 0.50),
        model("gpt-4.1-mini", context: 1_047_576, maxOut: 32_768, toolsImages, input: 0.40, output: 1.60, cached: 0.10),
        model("gpt-4.1-nano", context: 1_047_576, maxOut: 32_768, toolsImages, input: 0.10, output: 0.40, cached: 0.025),
        model("gpt-4o", context: 128_000, maxOut: 16_384, toolsImages, input: 2.50, output: 10, cached: 1.25),
        model("gpt-4o-mini", context: 128_000, maxOut: 16_384, toolsImages, input: 0.15, output: 0.60, cached: 0.075),
        model("o3", context: 200_000, maxOut: 100_000, all3, input: 2, output: 8, cached: 0.50),
        model("o4-mini", context: 200_000, maxOut: 100_000, all3, input: 1.10, output: 4.40, cached: 0.275),
    ]

    static let openAI = ProviderCatalogEntry(
        id: "openai", displayName: "OpenAI", format: .openAIChat, baseURL: "https://api.openai.com/v1", auth: .bearer,
        models: openAIModels,
        source: CatalogSource(
            urls: ["https://platform.openai.com/docs/pricing", "https://deploybase.ai/articles/openai-pricing", "https://www.morphllm.com/openai-api-pricing"],
            checked: checked,
            note: "Input/output prices and windows of gpt-5, gpt-4.1, gpt-4o and o-series agree across third-party copies of the pricing page (March 2026). Cached prices are the documented 90 % (gpt-5, 4.1: 75 %; 4o: 50 %) discounts, not re-read from the live page. gpt-5.4/5.5 prices from a June 2026 copy; their context windows are reported inconsistently (272K vs 1M), so left unknown."
        )
    )

    static let openAIResponses = ProviderCatalogEntry(
        id: "openai-responses", displayName: "OpenAI (Responses API)", format: .openAIResponses,
        baseURL: "https://api.openai.com/v1", auth: .bearer,
        models: openAIModels + [model("gpt-5-codex", context: 400_000, maxOut: 128_000, all3, input: 1.25, output: 10, cached: 0.125)],
        source: CatalogSource(
            urls: ["https://platform.openai.com/docs/api-reference/responses", "https://deploybase.ai/articles/openai-pricing"],
            checked: checked,
            note: "Same account and prices as `openai`, spoken over /v1/responses; gpt-5-codex is Responses-only. Figures as for `openai`."
        )
    )

    /// Anthropic bills prompt-cache writes at 1.25× the input price for the five-minute cache and 2× for
    /// the one-hour cache (the pricing page's "cache writes" columns).
    static func withAnthropicCacheWrites(_ profile: ModelProfile) -> ModelProfile {
        var profile = profile
        if let input = profile.prices?.input {
            profile.prices?.cacheWrite = input * 1.25
            profile.prices?.cacheWrite1h = input * 2
        }
        return profile
    }

    static let anthropic = ProviderCatalogEntry(
        id: "anthropic", displayName: "Anthropic", format: .anthropic, baseURL: "https://api.anthropic.com/v1",
        auth: .anthropic(version: ProviderAuthStyle.anthropicDefaultVersion),
        models: [
            model("claude-opus-4-6", context: 1_000_000, maxOut: 128_000, all3, input: 5, output: 25, cached: 0.50),
            model("claude-sonnet-4-6", context: 1_000_000, maxOut: 64_000, all3, input: 3, output: 15, cached: 0.30),
            model("claude-opus-4-5", context: 200_000, maxOut: 64_000, all3, input: 5, output: 25, cached: 0.50, aliases: ["claude-opus-4-5-20251101"]),
            model("claude-sonnet-4-5", context: 200_000, maxOut: 64_000, all3, input: 3, output: 15, cached: 0.30, aliases: ["claude-sonnet-4-5-20250929"]),
            model("claude-haiku-4-5", context: 200_000, maxOut: 64_000, all3, input: 1, output: 5, cached: 0.10, aliases: ["claude-haiku-4-5-20251001"]),
            model("claude-opus-4-1", context: 200_000, maxOut: 32_000, all3, input: 15, output: 75, cached: 1.50, aliases: ["claude-opus-4-1-20250805"]),
            model("claude-sonnet-4-0", context: 200_000, maxOut: 64_000, all3, input: 3, output: 15, cached: 0.30, aliases: ["claude-sonnet-4-20250514"]),
        ].map(withAnthropicCacheWrites),
        source: CatalogSource(
            urls: ["https://platform.claude.com/docs/en/about-claude/pricing", "https://docs.anthropic.com/en/docs/about-claude/pricing", "https://support.claude.com/en/articles/8606395"],
            checked: checked,
            note: "Prices and cache-hit prices from the official pricing page (Opus 4.5+ at $5/$25, Opus 4.1 at $15/$75, Sonnet $3/$15, Haiku 4.5 $1/$5). Sonnet 4/4.5 take 1M tokens only with the context-1m beta (and >200K input is billed at $6/$22.50), so 200K is listed; override if you send the beta header. Newer models on the page (Opus 4.7/4.8, Sonnet 5, …) are not listed: their API ids were not verified."
        )
    )

    static let gemini = ProviderCatalogEntry(
        id: "gemini", displayName: "Google Gemini", format: .gemini,
        baseURL: "https://generativelanguage.googleapis.com/v1beta", auth: .googAPIKey,
        models: [
            model("gemini-2.5-pro", context: 1_048_576, maxOut: 65_536, all3, input: 1.25, output: 10, cached: 0.125),
            model("gemini-2.5-flash", context: 1_048_576, maxOut: 65_536, all3, input: 0.30, output: 2.50, cached: 0.03),
            model("gemini-2.5-flash-lite", context: 1_048_576, maxOut: 65_536, all3, input: 0.10, output: 0.40, cached: 0.01),
            model("gemini-3-pro-preview", context: 1_048_576, maxOut: 65_536, all3, input: 2, output: 12),
        ],
        source: CatalogSource(
            urls: ["https://ai.google.dev/gemini-api/docs/pricing", "https://deploybase.ai/articles/gemini-2.5-pricing", "https://aifreeapi.com/en/posts/gemini-api-pricing-2026"],
            checked: checked,
            note: "Standard-tier prices for prompts up to 200K tokens (2.5 Pro costs $2.50/$15 above). Input/output prices agree across several 2026 copies of the official page; cached prices are the documented 90 % discount and were not re-read from the live page; the gemini-3-pro-preview cached price is unknown."
        )
    )

    static let mistral = ProviderCatalogEntry(
        id: "mistral", displayName: "Mistral AI", format: .openAIChat, baseURL: "https://api.mistral.ai/v1", auth: .bearer,
        models: [
            model("mistral-large-latest", context: 128_000, toolsImages, input: 2, output: 6),
            model("mistral-medium-latest", context: 128_000, toolsImages, input: 0.40, output: 2),
            model("mistral-small-latest", context: 128_000, toolsImages, input: 0.10, output: 0.30),
            model("codestral-latest", context: 256_000, [.tools], input: 0.30, output: 0.90),
            model("magistral-medium-latest", context: nil, toolsThinking, input: 2, output: 5),
        ],
        source: CatalogSource(
            urls: ["https://mistral.ai/pricing#api-pricing", "https://apimap.dev/apis/mistral", "https://lava.so/docs/gateway/providers/mistral"],
            checked: checked,
            note: "Base URL and bearer auth verified. Prices NOT verified against mistral.ai: third-party copies disagree (medium $0.40/$2 vs $1.50/$7.50), and the `-latest` aliases move to new versions; override for accuracy. Context windows from Mistral's model docs as remembered, unverified."
        )
    )

    static let xAI = ProviderCatalogEntry(
        id: "xai", displayName: "xAI Grok", format: .openAIChat, baseURL: "https://api.x.ai/v1", auth: .bearer,
        models: [
            model("grok-4-0709", context: 256_000, all3, input: 3, output: 15, cached: 0.75, aliases: ["grok-4"]),
            model("grok-4-fast-reasoning", context: 2_000_000, all3, input: 0.20, output: 0.50, cached: 0.05),
            model("grok-4-fast-non-reasoning", context: 2_000_000, toolsImages, input: 0.20, output: 0.50, cached: 0.05),
            model("grok-code-fast-1", context: 256_000, toolsThinking, input: 0.20, output: 1.50, cached: 0.02),
            model("grok-3-mini", context: 131_072, toolsThinking, input: 0.30, output: 0.50, cached: 0.075),
        ],
        source: CatalogSource(
            urls: ["https://docs.x.ai/docs/models", "https://archive.fo/j06YR", "https://archive.fo/dYUtw"],
            checked: checked,
            note: "Model ids and context windows verified from archived docs.x.ai model pages (Oct 2025); grok-3-mini prices from the June 2025 archive. grok-4 and grok-4-fast/code prices not visible in the archives (rendered client-side): from memory of the same page, unverified. Newer Grok 4.20 exists; its id and prices were not verified."
        )
    )

    static let perplexity = ProviderCatalogEntry(
        id: "perplexity", displayName: "Perplexity Sonar", format: .openAIChat, baseURL: "https://api.perplexity.ai", auth: .bearer,
        models: [
            model("sonar", context: 128_000, [], input: 1, output: 1),
            model("sonar-pro", context: 200_000, maxOut: 8_000, [], input: 3, output: 15),
            model("sonar-reasoning-pro", context: 128_000, [.thinking], input: 2, output: 8),
            model("sonar-deep-research", context: 128_000, [.thinking], input: 2, output: 8),
        ],
        source: CatalogSource(
            urls: ["https://docs.perplexity.ai/guides/pricing", "https://therouter.ai/models/perplexity--sonar-pro/"],
            checked: checked,
            note: "Base URL has no /v1 (chat at /chat/completions). Token prices from memory of the official page, consistent with a reseller's +20 % copy (sonar-pro $3.60/$18); per-request search fees are not modelled. No tool calling is assumed; image input not verified."
        )
    )

    static let azureOpenAI = ProviderCatalogEntry(
        id: "azure-openai", displayName: "Azure OpenAI", format: .openAIChat,
        baseURL: "https://{resource}.openai.azure.com/openai/v1", auth: .azureAPIKey,
        models: openAIModels.filter { ["gpt-5", "gpt-5-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini", "o3", "o4-mini"].contains($0.id) },
        acceptsUnlistedModels: true,
        source: CatalogSource(
            urls: ["https://learn.microsoft.com/azure/foundry/openai/api-version-lifecycle", "https://azure.microsoft.com/pricing/details/cognitive-services/openai-service/"],
            checked: checked,
            note: "The v1 API (since Aug 2025) needs no api-version; older deployments use /openai/deployments/{name}?api-version=…, which the configuration can set as base_url. The model field is your deployment name (unlisted names pass through). Prices assume Global Standard equals OpenAI list prices: not verified per region."
        )
    )
}
