import JunctionWire

extension ProviderCatalog {
    /// Aggregators and hosts of open-weight models.
    static let hosts: [ProviderCatalogEntry] = [openRouter, groq, together, fireworks, cerebras]

    static let openRouter = ProviderCatalogEntry(
        id: "openrouter", displayName: "OpenRouter", format: .openAIChat, baseURL: "https://openrouter.ai/api/v1", auth: .bearer,
        models: [
            model("anthropic/claude-sonnet-4.5", context: 1_000_000, maxOut: 64_000, all3, input: 3, output: 15, cached: 0.30, aliases: ["claude-sonnet-4-5"]),
            model("anthropic/claude-haiku-4.5", context: 200_000, maxOut: 64_000, all3, input: 1, output: 5, cached: 0.10, aliases: ["claude-haiku-4-5"]),
            model("anthropic/claude-opus-4.5", context: 200_000, maxOut: 64_000, all3, input: 5, output: 25, cached: 0.50, aliases: ["claude-opus-4-5"]),
            model("openai/gpt-5", context: 400_000, maxOut: 128_000, all3, input: 1.25, output: 10, cached: 0.125, aliases: ["gpt-5"]),
            model("openai/gpt-4o-mini", context: 128_000, maxOut: 16_384, toolsImages, input: 0.15, output: 0.60, cached: 0.075, aliases: ["gpt-4o-mini"]),
            model("google/gemini-2.5-flash", context: 1_048_576, maxOut: 65_536, all3, input: 0.30, output: 2.50, cached: 0.03, aliases: ["gemini-2.5-flash"]),
            model("google/gemini-2.5-pro", context: 1_048_576, maxOut: 65_536, all3, input: 1.25, output: 10, cached: 0.125, aliases: ["gemini-2.5-pro"]),
            model("deepseek/deepseek-chat", context: nil, [.tools], input: nil, output: nil, aliases: ["deepseek-chat"]),
            model("moonshotai/kimi-k2-0905", context: 262_144, [.tools], input: 0.60, output: 2.50, aliases: ["kimi-k2-0905-preview"]),
            model("openai/gpt-oss-120b", context: 131_072, toolsThinking, input: nil, output: nil, aliases: ["gpt-oss-120b"]),
        ],
        acceptsUnlistedModels: true,
        source: CatalogSource(
            urls: ["https://openrouter.ai/docs/features/provider-routing", "https://openrouter.ai/docs/guides/routing/llms-full.txt", "https://openrouter.ai/models"],
            checked: checked,
            note: "Base URL, bearer auth and the `models`/`provider` request fields verified from OpenRouter's docs. Prices are the upstream vendors' list prices, which OpenRouter passes through (its fee is charged on credit purchases); per-model prices were not read from openrouter.ai/models. Claude Sonnet 4.5 is served with 1M context there. Open-weight models vary by routed host, so their prices are left unknown. Any `vendor/model` id passes through."
        )
    )

    static let groq = ProviderCatalogEntry(
        id: "groq", displayName: "Groq", format: .openAIChat, baseURL: "https://api.groq.com/openai/v1", auth: .bearer,
        models: [
            model("openai/gpt-oss-120b", context: 131_072, maxOut: 65_536, toolsThinking, input: 0.15, output: 0.60, cached: 0.075, aliases: ["gpt-oss-120b"]),
            model("openai/gpt-oss-20b", context: 131_072, maxOut: 65_536, toolsThinking, input: 0.075, output: 0.30, cached: 0.0375, aliases: ["gpt-oss-20b"]),
            model("llama-3.3-70b-versatile", context: 131_072, maxOut: 32_768, [.tools], input: 0.59, output: 0.79),
            model("llama-3.1-8b-instant", context: 131_072, maxOut: 131_072, [.tools], input: 0.05, output: 0.08),
            model("qwen/qwen3-32b", context: 131_072, maxOut: 40_960, toolsThinking, input: 0.29, output: 0.59),
        ],
        source: CatalogSource(
            urls: ["https://groq.com/pricing", "https://console.groq.com/docs/models", "https://tokenmix.ai/blog/groq-api-access-2026-free-tier-rate-limits", "https://hivebook.wiki/wiki/groq-api-may-2026-lpu-inference-at-api-groq-com-openai-v1-chat-completions-audio-whisper-v3-turbo-batches-50-files-responses-beta-groq-compound-compound-mini-agent-systems-llama-3-4-gpt-oss-qwen3-python-npm-sdk-1-2-0"],
            checked: checked,
            note: "Base URL verified. gpt-oss-120b $0.15/$0.60 with $0.075 cache hits verified from a June 2026 copy of groq.com/pricing; gpt-oss-20b input derived from its documented $0.0375 cached (50 %) price. Llama and Qwen prices from memory of the same page, unverified."
        )
    )

    static let together = ProviderCatalogEntry(
        id: "together", displayName: "Together AI", format: .openAIChat, baseURL: "https://api.together.xyz/v1", auth: .bearer,
        models: [
            model("meta-llama/Llama-3.3-70B-Instruct-Turbo", context: 131_072, [.tools], input: 0.88, output: 0.88),
            model("openai/gpt-oss-120b", context: 131_072, toolsThinking, input: 0.15, output: 0.60),
            model("deepseek-ai/DeepSeek-V3", context: 131_072, [.tools], input: 1.25, output: 1.25),
            model("Qwen/Qwen3-235B-A22B-Instruct-2507-tput", context: 262_144, [.tools], input: 0.20, output: 0.60),
            model("moonshotai/Kimi-K2-Instruct-0905", context: 262_144, [.tools], input: 1, output: 3),
        ],
        acceptsUnlistedModels: true,
        source: CatalogSource(
            urls: ["https://www.together.ai/pricing", "https://docs.together.ai/docs/serverless-models"],
            checked: checked,
            note: "Base URL and model-id style verified. Serverless prices and context windows from memory of together.ai/pricing (2025), NOT verified; override for billing accuracy."
        )
    )

    static let fireworks = ProviderCatalogEntry(
        id: "fireworks", displayName: "Fireworks AI", format: .openAIChat, baseURL: "https://api.fireworks.ai/inference/v1", auth: .bearer,
        models: [
            model("accounts/fireworks/models/gpt-oss-120b", context: 131_072, toolsThinking, input: 0.15, output: 0.60, cached: 0.075),
            model("accounts/fireworks/models/kimi-k2-instruct-0905", context: 262_144, [.tools], input: 0.60, output: 2.50, cached: 0.30),
            model("accounts/fireworks/models/deepseek-v3p1", context: 163_840, toolsThinking, input: 0.56, output: 1.68, cached: 0.28),
            model("accounts/fireworks/models/qwen3-coder-480b-a35b-instruct", context: 262_144, [.tools], input: 0.45, output: 1.80, cached: 0.225),
            model("accounts/fireworks/models/llama-v3p3-70b-instruct", context: 131_072, [.tools], input: 0.90, output: 0.90, cached: 0.45),
        ],
        acceptsUnlistedModels: true,
        source: CatalogSource(
            urls: ["https://fireworks.ai/pricing#serverless-pricing", "https://docs.fireworks.ai/serverless/overview", "https://hivebook.wiki/wiki/fireworks-ai-serverless-inference-for-oss-llms-openai-compatible-multi-lora-batch"],
            checked: checked,
            note: "Base URL, `accounts/fireworks/models/…` ids and the default 50 % cached-input discount verified from docs.fireworks.ai. Per-model prices and windows from memory, NOT verified."
        )
    )

    static let cerebras = ProviderCatalogEntry(
        id: "cerebras", displayName: "Cerebras", format: .openAIChat, baseURL: "https://api.cerebras.ai/v1", auth: .bearer,
        models: [
            model("gpt-oss-120b", context: nil, toolsThinking, input: 0.35, output: 0.75),
            model("llama3.1-8b", context: nil, [.tools], input: 0.10, output: 0.10),
            model("qwen-3-235b-a22b-instruct-2507", context: nil, [.tools], input: 0.60, output: 1.20),
            model("zai-glm-4.7", context: nil, toolsThinking, input: nil, output: nil),
        ],
        source: CatalogSource(
            urls: ["https://inference-docs.cerebras.ai/models/overview", "https://www.lava.so/docs/gateway/providers/cerebras", "https://hivebook.wiki/wiki/cerebras-inference-api-may-2026-openai-compat-v1-chat-completions-on-cs-3-wafer-scale-silicon-at-2-200-3-000-tok-s-for-gpt-oss-120b-llama3-1-8b-qwen-3-235b-a22b-instruct-2507-zai-glm-4-7-sdk-cerebras-cloud-sdk-1-67-0"],
            checked: checked,
            note: "Base URL and model ids verified (May 2026). gpt-oss-120b and qwen prices from a reseller's copy; llama3.1-8b price from memory. Context windows depend on the plan (the free tier is shorter), so they are left unknown. llama3.1-8b and qwen-3-235b were announced for deprecation on 2026-05-27."
        )
    )
}
