import Foundation
import JunctionRouting
import JunctionWire
import Testing

@Suite("Model resolution and request-level preferences")
struct ResolutionTests {
    let clock = ManualRoutingClock()

    static let config = RoutingConfig(
        providers: [
            Fixture.provider("anthropic", models: [Fixture.model("claude-sonnet-4-5", window: 200_000, caps: [.tools, .images, .thinking], input: 3, output: 15)], format: .anthropic),
            Fixture.provider("openrouter", models: [
                Fixture.model("anthropic/claude-sonnet-4.5", window: 1_000_000, caps: [.tools, .images, .thinking], input: 3.3, output: 16.5, aliases: ["claude-sonnet-4-5"]),
                Fixture.model("deepseek/deepseek-chat", window: 64_000, caps: [.tools], input: 0.3, output: 1.2, aliases: ["deepseek-chat"]),
            ], unlisted: true, collectsData: true),
            Fixture.provider("deepseek", models: [Fixture.model("deepseek-chat", window: 128_000, caps: [.tools], input: 0.28, output: 0.42)]),
            Fixture.provider("local", models: [Fixture.model("llama3.1", window: 8_192, caps: [], input: 0, output: 0)]),
        ],
        combos: [ComboConfig(name: "smart", targets: ["anthropic/claude-sonnet-4-5", "deepseek-chat"])]
    )

    func plan(_ request: RouteRequest, config: RoutingConfig = Self.config) throws -> RouteSession {
        try SharedRouter(config: config, clock: clock).plan(request)
    }

    @Test func providerSlashModel() throws {
        let session = try plan(RouteRequest(model: "deepseek/deepseek-chat"))
        #expect(session.pending.map(\.label) == ["deepseek/deepseek-chat#0"])
        // The first slash splits: openrouter keeps vendor/model as its model id.
        #expect(try plan(RouteRequest(model: "openrouter/anthropic/claude-sonnet-4.5")).pending.map(\.upstreamModel) == ["anthropic/claude-sonnet-4.5"])
        // An open provider accepts models it does not list.
        let open = try plan(RouteRequest(model: "openrouter/qwen/qwen3-max"))
        #expect(open.pending.map(\.upstreamModel) == ["qwen/qwen3-max"] && open.pending[0].profile == nil)
    }

    @Test func logicalModelListsEveryProviderServingIt() throws {
        let session = try plan(RouteRequest(model: "claude-sonnet-4-5"))
        #expect(session.pending.map(\.label) == ["anthropic/claude-sonnet-4-5#0", "openrouter/anthropic/claude-sonnet-4.5#0"])
        #expect(session.pending.map(\.format) == [.anthropic, .openAIChat])
        var byPrice = Self.config
        byPrice.policy.logicalModelOrder = .price
        #expect(try plan(RouteRequest(model: "deepseek-chat"), config: byPrice).pending.map(\.provider) == ["deepseek", "openrouter"])
    }

    @Test func comboName() throws {
        #expect(try plan(RouteRequest(model: "smart")).pending.map(\.provider) == ["anthropic", "openrouter", "deepseek"])
    }

    @Test func requestModelsAreAnOrderedFallbackList() throws {
        let session = try plan(RouteRequest(model: "local/llama3.1", models: ["deepseek/deepseek-chat", "claude-sonnet-4-5", "local/llama3.1"]))
        #expect(session.pending.map(\.provider) == ["local", "deepseek", "anthropic", "openrouter"], "deduplicated, in order")
    }

    @Test func unknownModelNamesTheClosest() throws {
        #expect { try plan(RouteRequest(model: "claude-sonet-4-5")) } throws: { error in
            guard let error = error as? RoutingError, error.isUnknownModel else { return false }
            return error.suggestions.first == "claude-sonnet-4-5" && error.message.contains("did you mean 'claude-sonnet-4-5'")
        }
        #expect { try plan(RouteRequest(model: "deepseek/deepseek-chatt")) } throws: { error in
            (error as? RoutingError)?.suggestions.first == "deepseek/deepseek-chat"
        }
        #expect(ModelSuggester.suggestions(for: "zzzzqqqq", among: ["gpt-4o", "claude"]).isEmpty)
        #expect(ModelSuggester.suggestions(for: "sonnet-4-5-claude", among: ["claude-sonnet-4-5", "gpt-4o"]) == ["claude-sonnet-4-5"])
    }

    @Test func capabilitiesAreRequired() throws {
        let session = try plan(RouteRequest(model: "local/llama3.1", models: ["deepseek-chat"], capabilities: [.tools]))
        #expect(!session.pending.contains { $0.provider == "local" })
        #expect(session.skipped.contains { $0.provider == "local" && $0.reason == .missingCapabilities(["tools"]) })
        #expect { try plan(RouteRequest(model: "deepseek-chat", capabilities: [.images])) } throws: { error in
            (error as? RoutingError)?.isNoUsableTarget == true
        }
    }

    @Test func onlyAndIgnore() throws {
        #expect(try plan(RouteRequest(model: "smart", preferences: ProviderPreferences(only: ["openrouter", "deepseek"]))).pending.map(\.provider) == ["openrouter", "deepseek"])
        #expect(try plan(RouteRequest(model: "smart", preferences: ProviderPreferences(ignore: ["openrouter"]))).pending.map(\.provider) == ["anthropic", "deepseek"])
    }

    @Test func orderAndAllowFallbacks() throws {
        #expect(try plan(RouteRequest(model: "smart", preferences: ProviderPreferences(order: ["deepseek", "openrouter"]))).pending.map(\.provider) == ["deepseek", "openrouter", "anthropic"])
        #expect(try plan(RouteRequest(model: "smart", preferences: ProviderPreferences(order: ["deepseek"], allowFallbacks: false))).pending.map(\.provider) == ["deepseek"])
    }

    @Test func sortByPriceLatencyThroughput() throws {
        #expect(try plan(RouteRequest(model: "smart", preferences: ProviderPreferences(sort: .price))).pending.map(\.provider) == ["deepseek", "openrouter", "anthropic"])
        let router = SharedRouter(config: Self.config, clock: clock)
        let speeds: [String: (Double, Double)] = ["anthropic": (1.0, 50), "openrouter": (0.5, 30), "deepseek": (2.0, 90)]
        for provider in ["anthropic", "openrouter", "deepseek"] {
            _ = try router.run(RouteRequest(model: "smart", preferences: ProviderPreferences(only: [provider]))) { attempt in
                let (ttft, tps) = speeds[attempt.provider]!
                return .success(AttemptSuccess(timeToFirstToken: ttft, outputTokens: Int(tps * 10), streamDuration: 10))
            }
        }
        #expect(try router.plan(RouteRequest(model: "smart", preferences: ProviderPreferences(sort: .latency))).pending.map(\.provider) == ["openrouter", "anthropic", "deepseek"])
        #expect(try router.plan(RouteRequest(model: "smart", preferences: ProviderPreferences(sort: .throughput))).pending.map(\.provider) == ["deepseek", "anthropic", "openrouter"])
    }

    @Test func maxPriceAndDataCollection() throws {
        let cheap = try plan(RouteRequest(model: "smart", preferences: ProviderPreferences(maxPrice: MaxPrice(prompt: 1, completion: 2))))
        // openrouter's entry in `smart` is deepseek-chat (0.30/1.20), under the limit; Claude is not.
        #expect(cheap.pending.map(\.label) == ["openrouter/deepseek/deepseek-chat#0", "deepseek/deepseek-chat#0"])
        #expect(cheap.skipped.filter { $0.reason == .priceAboveMax }.map(\.provider) == ["anthropic"])
        let private_ = try plan(RouteRequest(model: "smart", preferences: ProviderPreferences(dataCollection: .deny)))
        #expect(private_.pending.map(\.provider) == ["anthropic", "deepseek"])
    }

    @Test func preferencesDecodeFromOpenRouterJSON() throws {
        let json = #"{"order":["deepseek"],"allow_fallbacks":false,"sort":"price","data_collection":"deny","max_price":{"prompt":1,"completion":2},"ignore":["x"]}"#
        let preferences = try JSONDecoder().decode(ProviderPreferences.self, from: Data(json.utf8))
        #expect(preferences == ProviderPreferences(order: ["deepseek"], ignore: ["x"], allowFallbacks: false, sort: .price, dataCollection: .deny, maxPrice: MaxPrice(prompt: 1, completion: 2)))
    }
}
