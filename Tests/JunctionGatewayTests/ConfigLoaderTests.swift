import JunctionGateway
import JunctionProviders
import JunctionRouting
import JunctionStore
import JunctionWire
import Testing

@Suite("Configuration file")
struct ConfigLoaderTests {
    let loader = ConfigLoader(environment: ["OAI_KEY_1": "sk-one", "OAI_KEY_2": "sk-two", "JUNCTION_KEY_LAPTOP": "jk-laptop"])

    @Test func theDocumentedExampleLoads() throws {
        let config = try loader.parse(
            """
            listen: 127.0.0.1:20128
            data_dir: ~/.junction
            client_keys:
              - name: laptop
                key: env:JUNCTION_KEY_LAPTOP
            providers:
              - id: oai
                format: openai
                base_url: http://127.0.0.1:9001/v1
                api_keys: [env:OAI_KEY_1, env:OAI_KEY_2]
                models: [gpt-4o-mini, gpt-4o]
              - id: backup
                base_url: http://127.0.0.1:9002/v1/
                api_keys: [literal-key]
                timeouts: {connect: 2s, first_byte: 1500ms, idle: 3}
            combos:
              - name: coding
                strategy: fallback
                targets: [oai/gpt-4o, backup/gpt-4o-mini]
            """, file: "junction.yaml")
        #expect(config.listen == ListenAddress(host: "127.0.0.1", port: 20128))
        #expect(config.clientKeys.map(\.hash) == [ClientKeyMaker.hash("jk-laptop")])
        #expect(config.providers.map(\.id) == ["oai", "backup"])
        #expect(config.providers[0].apiKeys == ["sk-one", "sk-two"])
        #expect(config.providers[0].format == .openAIChat)
        #expect(config.providers[1].baseURL == "http://127.0.0.1:9002/v1")
        #expect(config.providers[1].apiKeys == ["literal-key"])
        #expect(config.providers[1].timeouts == UpstreamTimeouts(connect: .seconds(2), firstByte: .milliseconds(1500), idle: .seconds(3)))
        #expect(config.providers[0].timeouts == UpstreamTimeouts())
        #expect(config.combos.first?.targets == ["oai/gpt-4o", "backup/gpt-4o-mini"])
    }

    @Test(arguments: [
        ("providers:\n  - id: oai\n    format: grpc\n    base_url: http://x/v1\n", "junction.yaml:3: providers[0].format: unknown format 'grpc'"),
        ("providers:\n  - id: oai\n    base_url: ftp://x\n", "junction.yaml:3: providers[0].base_url: expected an http or https URL"),
        ("providers:\n  - id: oai\n    base_url: http://x/v1\n    api_keys: [env:MISSING_VAR]\n", "junction.yaml:4: providers[0].api_keys[0]: environment variable MISSING_VAR is not set"),
        ("providers:\n  - id: oai\n    base_url: http://x/v1\ncombos:\n  - name: c\n    targets: [oai/m, ghost/m]\n", "junction.yaml:6: combos[0].targets: target 'ghost/m' names unknown provider 'ghost'"),
        ("listen: 127.0.0.1\n", "junction.yaml:1: listen: expected host:port"),
        ("provders: []\n", "junction.yaml:1: provders: unknown field"),
        ("providers:\n  - id: a\n    base_url: http://x\n  - id: a\n    base_url: http://y\n", "junction.yaml:4: providers[1].id: duplicate provider id 'a'"),
        ("providers: [\n", "junction.yaml:2: not valid YAML"),
        ("timeouts:\n  idle: soon\n", "junction.yaml:2: timeouts.idle: expected a positive duration"),
    ])
    func aBadFileNamesTheFileTheLineAndTheField(yaml: String, expected: String) {
        do {
            _ = try loader.parse(yaml, file: "junction.yaml")
            Issue.record("expected an error containing \(expected)")
        } catch {
            #expect("\(error)".hasPrefix(expected), "got: \(error)")
        }
    }

    @Test func loopbackAddressesAreRecognised() {
        #expect(ListenAddress(host: "127.0.0.1", port: 1).isLoopback)
        #expect(ListenAddress(host: "::1", port: 1).isLoopback)
        #expect(ListenAddress(host: "localhost", port: 1).isLoopback)
        #expect(!ListenAddress(host: "0.0.0.0", port: 1).isLoopback)
        #expect(!ListenAddress(host: "192.168.1.5", port: 1).isLoopback)
    }

    @Test func combosWithTiersWeightsNestingAndTheErrorTableLoad() throws {
        let config = try loader.parse(
            """
            providers:
              - id: ds
                kind: deepseek
                api_keys: [literal]
                account_selection: round-robin
                budgets: [{window: 5h, requests: 100}]
              - id: oai
                base_url: http://127.0.0.1:9001/v1
                models: [gpt-4o]
            combos:
              - name: coding
                strategy: weighted
                sticky: true
                tiers:
                  - name: subscription
                    targets: [oai/gpt-4o]
                  - name: cheap
                    targets: [{target: ds/deepseek-chat, weight: 3}]
              - name: outer
                targets: [coding, oai/gpt-4o]
            routing:
              max_attempts: 4
              deadline: 90s
              errors:
                model_not_found: {effect: disable_account_model, seconds: 10m}
            """, file: "junction.yaml")
        #expect(config.providers[0].baseURL == "https://api.deepseek.com/v1", "the catalog supplies the URL")
        #expect(config.providers[0].accountSelection == .roundRobin)
        #expect(config.providers[0].budgets == [AccountBudget(window: 5 * 3600, maxRequests: 100)])
        #expect(config.combos[0].strategy == .weighted)
        #expect(config.combos[0].tiers.map(\.name) == ["subscription", "cheap"])
        #expect(config.combos[0].tiers[1].targets == [ComboTarget("ds/deepseek-chat", weight: 3)])
        #expect(config.combos[1].targets == ["coding", "oai/gpt-4o"])
        #expect(config.routing.maxAttempts == 4)
        #expect(config.routing.deadline == 90)
        #expect(config.routing.errorTable.rule(for: .modelNotFound).effect == .disableAccountModel(seconds: 600))
    }

    @Test func aComboCycleIsAStartUpErrorNamingTheCycle() {
        let yaml = """
            providers:
              - id: oai
                base_url: http://127.0.0.1:9001/v1
            combos:
              - name: a
                targets: [b]
              - name: b
                targets: [a]
            """
        do {
            _ = try loader.parse(yaml, file: "junction.yaml")
            Issue.record("a cycle must not load")
        } catch {
            #expect("\(error)".contains("cycle"), "got: \(error)")
            #expect("\(error)".contains("a") && "\(error)".contains("b"))
        }
    }
}

@Suite("Admin, limits and prices in the YAML")
struct AdminConfigTests {
    let loader = ConfigLoader(environment: ["ADMIN": "admin-token-0123456789abcdef", "PG": "postgres://j:secret@db:5432/junction"])

    @Test func adminTokenDatabaseKeyLimitsAndPricesAreRead() throws {
        let config = try loader.parse(
            """
            admin_token: env:ADMIN
            metrics_token: metrics-token-0123456789
            database: env:PG
            client_keys:
              - name: ci
                key: jk-ci
                limits: {requests_per_minute: 60, tokens_per_day: 2000000, usd_per_day: 5, usd_per_month: 100.5, models: [coding, "oai/*"]}
            providers:
              - id: oai
                kind: openai
                prices:
                  gpt-4o: {input: 2, output: 8, cached_input: 0.5, cache_write: 2.5, cache_write_1h: 4, reasoning: 12}
            """, file: "j.yaml")
        #expect(config.adminToken == "admin-token-0123456789abcdef")
        #expect(config.database == "postgres://j:secret@db:5432/junction")
        let limits = try #require(config.clientKeys.first?.limits)
        #expect(limits == KeyLimits(requestsPerMinute: 60, tokensPerDay: 2_000_000, costMicrosPerDay: 5_000_000, costMicrosPerMonth: 100_500_000, allowedModels: ["coding", "oai/*"]))
        #expect(config.providers.first?.prices["gpt-4o"] == ModelPrices(input: 2, output: 8, cachedInput: 0.5, cacheWrite: 2.5, cacheWrite1h: 4, reasoning: 12))
    }

    @Test(arguments: [
        ("admin_token: short", "admin_token", "at least 16"),
        ("database: mysql://x", "database", "postgres://"),
        ("client_keys: [{name: a, key: b, limits: {usd_per_day: lots}}]", "client_keys[0].limits.usd_per_day", "dollars"),
        ("providers: [{id: o, kind: openai, prices: {gpt-4o: {input: 1}}}]", "providers[0].prices.gpt-4o", "input and output"),
    ])
    func mistakesNameTheirField(yaml: String, field: String, message: String) throws {
        do {
            _ = try loader.parse(yaml, file: "j.yaml")
            Issue.record("accepted: \(yaml)")
        } catch let error as ConfigError {
            #expect(error.field == field, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func costPricesOneHourCacheWritesAndReasoningApart() {
        let prices = ModelPrices(input: 2, output: 8, cachedInput: 0.5, cacheWrite: 2.5, cacheWrite1h: 4, reasoning: 12)
        let usage = TokenUsage(
            inputTokens: 1000, outputTokens: 500, cachedInputTokens: 200, reasoningTokens: 100, cacheWriteTokens: 300, cacheWrite1hTokens: 100)
        // uncached 500×2 + cached 200×0.5 + 5m writes 200×2.5 + 1h writes 100×4 + output 400×8 + reasoning 100×12, per million.
        #expect(usage.costMicros(at: prices) == 1000 + 100 + 500 + 400 + 3200 + 1200)
    }

    @Test func anthropicCatalogPricesCacheWritesAtTheDocumentedMultiples() throws {
        let prices = try #require(ProviderCatalog.profile(provider: "anthropic", model: "claude-sonnet-4-5")?.prices)
        #expect(prices.cacheWrite == 3.75)
        #expect(prices.cacheWrite1h == 6)
    }
}
