import JunctionWire

extension ProviderCatalog {
    /// Local servers and the generic OpenAI-compatible entry.
    static let local: [ProviderCatalogEntry] = [ollama, lmStudio, vLLM, openAICompatible]

    static let ollama = ProviderCatalogEntry(
        id: "ollama", displayName: "Ollama", format: .openAIChat, baseURL: "http://localhost:11434/v1", auth: .none,
        models: [
            model("llama3.1", context: nil, [.tools], input: 0, output: 0),
            model("qwen3", context: nil, toolsThinking, input: 0, output: 0),
            model("gpt-oss:20b", context: nil, toolsThinking, input: 0, output: 0),
        ],
        acceptsUnlistedModels: true,
        source: CatalogSource(
            urls: ["https://github.com/ollama/ollama/blob/main/docs/openai.md"],
            checked: checked,
            note: "OpenAI-compatible endpoint on the default port 11434; no key needed. Any pulled model name passes through. Windows depend on the server's num_ctx setting, so they are unknown; local use is free."
        )
    )

    static let lmStudio = ProviderCatalogEntry(
        id: "lmstudio", displayName: "LM Studio", format: .openAIChat, baseURL: "http://localhost:1234/v1", auth: .none,
        models: [],
        acceptsUnlistedModels: true,
        source: CatalogSource(
            urls: ["https://lmstudio.ai/docs/app/api/endpoints/openai"],
            checked: checked,
            note: "OpenAI-compatible server on the default port 1234; no key needed. Models are whatever is loaded, so none are listed."
        )
    )

    static let vLLM = ProviderCatalogEntry(
        id: "vllm", displayName: "vLLM", format: .openAIChat, baseURL: "http://localhost:8000/v1", auth: .bearer,
        models: [],
        acceptsUnlistedModels: true,
        source: CatalogSource(
            urls: ["https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html"],
            checked: checked,
            note: "OpenAI-compatible server on the default port 8000; a bearer key is checked only when the server runs with --api-key. The served model name is whatever it was started with."
        )
    )

    static let openAICompatible = ProviderCatalogEntry(
        id: "openai-compatible", displayName: "Any OpenAI-compatible API", format: .openAIChat, baseURL: "", auth: .bearer,
        models: [],
        acceptsUnlistedModels: true,
        source: CatalogSource(
            urls: [],
            checked: checked,
            note: "A template: the configuration must give base_url (and models, if routing should know their windows and prices)."
        )
    )
}
