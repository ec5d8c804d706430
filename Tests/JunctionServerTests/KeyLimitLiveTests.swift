import Foundation
import JunctionGateway
import JunctionMock
import JunctionStore
import JunctionWire
import NIOHTTP1
import Testing

@Suite("Per-key limits")
struct KeyLimitLiveTests {
    @Test func requestsPerMinuteAnswer429InTheClientsOwnShapeWithRetryAfter() async throws {
        let limited = ClientKey(name: "tight", key: "jk-tight", limits: KeyLimits(requestsPerMinute: 2))
        let harness = try await Harness.start(MockProvider(), clientKeys: [limited, ClientKey(name: "free", key: "jk-free")])
        defer { Task { await harness.stop() } }
        let auth = [("authorization", "Bearer jk-tight")]
        #expect(try await harness.request("/v1/chat/completions", body: Harness.chat(), headers: auth).status == 200)
        #expect(try await harness.request("/v1/chat/completions", body: Harness.chat(), headers: auth).status == 200)
        let refused = try await harness.request("/v1/chat/completions", body: Harness.chat(), headers: auth)
        #expect(refused.status == 429)
        #expect(refused.json?["error"]?["code"]?.stringValue == "rate_limited")
        let retryAfter = try #require(Int(refused.headers.first(name: "retry-after") ?? ""))
        #expect((1...60).contains(retryAfter))

        let anthropic = try await harness.request(
            "/v1/messages", body: #"{"model": "p1/gpt-4o", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}"#,
            headers: [("x-api-key", "jk-tight")])
        #expect(anthropic.status == 429)
        #expect(anthropic.json?["type"]?.stringValue == "error")
        #expect(anthropic.json?["error"]?["type"]?.stringValue == "rate_limit_error")
        #expect(anthropic.headers.first(name: "retry-after") != nil)

        // Another key is not affected.
        #expect(try await harness.request("/v1/chat/completions", body: Harness.chat(), headers: [("authorization", "Bearer jk-free")]).status == 200)
        let records = try await harness.usageRecords()
        #expect(records.filter { $0.errorClass == "key_limit" }.count == 2)
        #expect(records.first { $0.errorClass == "key_limit" }?.error?.contains("requests per minute") == true)
    }

    @Test func aKeyMayOnlyUseItsAllowedModels() async throws {
        let key = ClientKey(name: "ci", key: "jk-ci", limits: KeyLimits(allowedModels: ["combo"]))
        let harness = try await Harness.start(MockProvider(), combo: ["p1/gpt-4o-mini"], clientKeys: [key])
        defer { Task { await harness.stop() } }
        let auth = [("authorization", "Bearer jk-ci")]
        #expect(try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"), headers: auth).status == 200)
        let refused = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "p1/gpt-4o"), headers: auth)
        #expect(refused.status == 403)
        #expect(refused.json?["error"]?["code"]?.stringValue == "model_not_allowed")
    }

    @Test func aDailyDollarCapStopsAKeyUntilMidnightUTC() async throws {
        // gpt-4o at the catalog's prices: each mock exchange costs a little; a 1 µ$ cap is spent by the first.
        let key = ClientKey(name: "cheap", key: "jk-cheap", limits: KeyLimits(costMicrosPerDay: 1))
        let harness = try await Harness.start([MockProvider()]) { mocks in
            JunctionConfig(
                clientKeys: [key],
                providers: [ProviderConfig(id: "oai", baseURL: mocks[0].baseURL, models: ["gpt-4o"], kind: "openai")])
        }
        defer { Task { await harness.stop() } }
        let auth = [("authorization", "Bearer jk-cheap")]
        #expect(try await harness.request("/v1/chat/completions", body: Harness.chat(model: "oai/gpt-4o"), headers: auth).status == 200)
        let refused = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "oai/gpt-4o"), headers: auth)
        #expect(refused.status == 429)
        #expect(refused.json?["error"]?["code"]?.stringValue == "usd_per_day")
        let retryAfter = try #require(Int(refused.headers.first(name: "retry-after") ?? ""))
        #expect(retryAfter >= 1 && retryAfter <= 86_400)
    }
}

@Suite("Per-key limits: no early refusals")
struct KeyLimitHeadroomTests {
    @Test func aKeyGetsItsFullRequestsPerMinute() async throws {
        let key = ClientKey(name: "ten", key: "jk-ten", limits: KeyLimits(requestsPerMinute: 10))
        let harness = try await Harness.start(MockProvider(), clientKeys: [key])
        defer { Task { await harness.stop() } }
        var statuses: [Int] = []
        for _ in 0..<11 {
            statuses.append(try await harness.request("/v1/chat/completions", body: Harness.chat(), headers: [("authorization", "Bearer jk-ten")]).status)
        }
        #expect(statuses.prefix(10).allSatisfy { $0 == 200 }, "\(statuses)")
        #expect(statuses.last == 429)
    }
}
