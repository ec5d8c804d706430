import JunctionWire

extension ProviderCatalog {
    /// DeepSeek, Zhipu GLM, MiniMax, Moonshot Kimi and Alibaba Qwen (international endpoints).
    static let chinese: [ProviderCatalogEntry] = [deepSeek, zhipu, miniMax, moonshot, qwen]

    static let deepSeek = ProviderCatalogEntry(
        id: "deepseek", displayName: "DeepSeek", format: .openAIChat, baseURL: "https://api.deepseek.com/v1", auth: .bearer,
        models: [
            model("deepseek-chat", context: 128_000, maxOut: 8_192, [.tools], input: 0.28, output: 0.42, cached: 0.028),
            model("deepseek-reasoner", context: 128_000, maxOut: 65_536, toolsThinking, input: 0.28, output: 0.42, cached: 0.028),
        ],
        source: CatalogSource(
            urls: ["https://api-docs.deepseek.com/quick_start/pricing", "https://raw.githubusercontent.com/RooCodeInc/Roo-Code/main/packages/types/src/providers/deepseek.ts", "https://ai-sdk.dev/v5/providers/ai-sdk-providers/deepseek"],
            checked: checked,
            note: "Base URL verified (https://api.deepseek.com also works). V3.2 prices ($0.28 miss / $0.028 hit / $0.42 out) and 128K window from a client's table dated 2025-12-09; older copies of the official page show V3 prices. A 2026 V4 with a 1M window is reported but its ids and prices were not verified."
        )
    )

    static let zhipu = ProviderCatalogEntry(
        id: "zhipu", displayName: "Zhipu GLM (Z.ai)", format: .openAIChat, baseURL: "https://api.z.ai/api/paas/v4", auth: .bearer,
        models: [
            model("glm-5.1", context: 202_800, maxOut: 131_100, toolsThinking, input: 1.20, output: 4, cached: 0.24),
            model("glm-5", context: 202_800, maxOut: 131_100, toolsThinking, input: 1, output: 3.20, cached: 0.20),
            model("glm-4.7", context: 204_800, maxOut: 131_072, toolsThinking, input: 0.60, output: 2.20, cached: 0.11),
            model("glm-4.7-flash", context: 200_000, maxOut: 131_072, toolsThinking, input: 0.07, output: 0.40),
            model("glm-4.6", context: 204_800, maxOut: 131_072, toolsThinking, input: 0.60, output: 2.20, cached: 0.11),
            model("glm-4.5-air", context: 131_072, toolsThinking, input: 0.20, output: 1.10, cached: 0.03),
        ],
        source: CatalogSource(
            urls: ["https://docs.z.ai/guides/overview/pricing", "https://git.vultropenclaw.com/vultr/openclaw/raw/branch/main/extensions/zai/openclaw.plugin.json", "https://hexdocs.pm/agentic/Agentic.LLM.Provider.Zai.md"],
            checked: checked,
            note: "Global endpoint verified (China: https://open.bigmodel.cn/api/paas/v4; Coding Plan keys: https://api.z.ai/api/coding/paas/v4). GLM-5/5.1/4.7 figures from a client's catalog (2026); glm-4.6 and 4.5-air prices disagree between sources (e.g. 4.6 at $0.39/$1.74 elsewhere), unverified against docs.z.ai."
        )
    )

    static let miniMax = ProviderCatalogEntry(
        id: "minimax", displayName: "MiniMax", format: .openAIChat, baseURL: "https://api.minimax.io/v1", auth: .bearer,
        models: [
            model("MiniMax-M2", context: 204_800, maxOut: 131_072, toolsThinking, input: 0.30, output: 1.20, cached: 0.03),
            model("MiniMax-M2.7", context: 204_800, toolsThinking, input: nil, output: nil),
        ],
        source: CatalogSource(
            urls: ["https://platform.minimax.io/docs/guides/pricing-paygo", "https://platform.minimax.io/docs/api-reference/api-overview", "https://www.cometapi.com/minimax-m2-api"],
            checked: checked,
            note: "International base URL and the 204,800-token window verified from copies of platform.minimax.io docs (April 2026); an Anthropic-compatible endpoint also exists at https://api.minimax.io/anthropic. MiniMax-M2 prices from memory of the launch pricing, unverified; M2.7 prices unknown."
        )
    )

    static let moonshot = ProviderCatalogEntry(
        id: "moonshot", displayName: "Moonshot Kimi", format: .openAIChat, baseURL: "https://api.moonshot.ai/v1", auth: .bearer,
        models: [
            model("kimi-k2.6", context: 262_144, all3, input: 0.95, output: 4, cached: 0.16),
            model("kimi-k2.5", context: 262_144, all3, input: 0.60, output: 3, cached: 0.10),
            model("kimi-k2-0905-preview", context: 262_144, [.tools], input: 0.60, output: 2.50, cached: 0.15),
            model("kimi-k2-0711-preview", context: 131_072, [.tools], input: 0.60, output: 2.50, cached: 0.15),
            model("kimi-k2-thinking", context: 262_144, toolsThinking, input: 0.60, output: 2.50, cached: 0.15),
        ],
        source: CatalogSource(
            urls: ["https://platform.moonshot.ai/docs/pricing/chat", "https://developer.puter.com/tutorials/kimi-api-pricing/"],
            checked: checked,
            note: "International endpoint (China: https://api.moonshot.cn/v1). kimi-k2.5 and k2-0905/0711 verified from an archived copy of platform.moonshot.ai pricing (2026-03-26); kimi-k2.6 from a June 2026 guide; kimi-k2-thinking prices from memory, unverified."
        )
    )

    static let qwen = ProviderCatalogEntry(
        id: "qwen", displayName: "Alibaba Qwen (DashScope)", format: .openAIChat,
        baseURL: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", auth: .bearer,
        models: [
            model("qwen3-max", context: 262_144, toolsThinking, input: 1.20, output: 6),
            model("qwen-plus", context: 1_000_000, toolsThinking, input: 0.40, output: 1.20),
            model("qwen-flash", context: 1_000_000, maxOut: 32_768, toolsThinking, input: 0.05, output: 0.40),
            model("qwen3-coder-plus", context: 1_000_000, [.tools], input: 1, output: 5),
        ],
        source: CatalogSource(
            urls: ["https://www.alibabacloud.com/help/en/model-studio/compatibility-of-openai-with-dashscope", "https://www.alibabacloud.com/help/en/model-studio/models"],
            checked: checked,
            note: "Singapore endpoint and model ids verified from Alibaba Cloud's OpenAI-compatibility page (March 2026); other regions: https://dashscope-us.aliyuncs.com/compatible-mode/v1, https://dashscope.aliyuncs.com/compatible-mode/v1 (Beijing). Prices are the lowest input-length tier (they rise for longer prompts) from memory of the international price list, unverified; qwen-flash's 1M window verified."
        )
    )
}
