import AsyncHTTPClient
import Foundation
import Hummingbird
import JunctionGateway
import JunctionMock
import JunctionServer
import JunctionStore
import JunctionWire
import NIOCore
import NIOHTTP1
import Testing

@Suite("Admin API")
struct AdminAPITests {
    @Test func everyAdminRouteRefusesAnAnonymousCallAndAWrongToken() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let routes = harness.runtime.makeRouter().routes.filter { "\($0.path)".hasPrefix("/api") }
        #expect(routes.count >= 25, "the admin API has lost routes: \(routes.map(\.description))")
        for route in routes {
            let path = "\(route.path)".split(separator: "/").map { $0.hasPrefix("{") || $0.hasPrefix(":") ? "0" : String($0) }.joined(separator: "/")
            let method = HTTPMethod(rawValue: route.method.rawValue)
            let anonymous = try await harness.request("/" + path, method: method, body: "{}")
            #expect(anonymous.status == 401, "\(route) answered \(anonymous.status) to an anonymous call")
            let wrong = try await harness.request("/" + path, method: method, body: "{}", headers: [("authorization", "Bearer wrong-token-0123456789")])
            #expect(wrong.status == 401, "\(route) answered \(wrong.status) to a wrong token")
        }
    }

    @Test func aProviderAddedThroughTheAPIServesAtOnceAndItsKeyIsNeverShownOrStoredInTheClear() async throws {
        let mock = MockProvider(name: "added", apiKeys: ["sk-planted-secret-9f8e7d6c5b4a"])
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let added = try await MockServer.start(mock)
        defer { Task { await added.stop() } }
        let created = try await harness.admin(
            "/api/providers", method: .POST,
            body: #"{"id": "added", "base_url": "\#(added.baseURL)", "models": ["gpt-4o-mini"], "accounts": [{"name": "main", "key": "sk-planted-secret-9f8e7d6c5b4a"}]}"#)
        #expect(created.status == 201, "\(created.body)")
        #expect(created.json?["accounts"]?[0]?["key_hint"]?.stringValue == "…5b4a")
        #expect(created.json?["source"]?.stringValue == "api")
        #expect(!created.body.contains("sk-planted"))

        let reply = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "added/gpt-4o-mini"))
        #expect(reply.status == 200, "\(reply.body)")
        #expect(reply.headers.first(name: "x-junction-provider") == "added")

        let listed = try await harness.admin("/api/providers")
        #expect(!listed.body.contains("sk-planted"))
        let models = try await harness.request("/v1/models", method: .GET)
        #expect(models.body.contains("added/gpt-4o-mini"))

        let tested = try await harness.admin("/api/providers/added/test", method: .POST, body: "{}")
        #expect(tested.json?["ok"]?.boolValue == true, "\(tested.body)")

        await harness.runtime.ledger.flush()
        for file in try FileManager.default.contentsOfDirectory(atPath: harness.dataDir) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: harness.dataDir).appendingPathComponent(file))
            #expect(bytes.range(of: Data("sk-planted-secret".utf8)) == nil, "\(file) holds the provider key in the clear")
        }
    }

    @Test func providersAndCombosAreValidatedAsAtStartUpAndFileItemsAreReadOnly() async throws {
        let harness = try await Harness.start(MockProvider(), combo: ["p1/gpt-4o"])
        defer { Task { await harness.stop() } }
        let unknown = try await harness.admin("/api/combos", method: .POST, body: #"{"name": "x", "targets": ["nowhere/gpt-4o"]}"#)
        #expect(unknown.status == 400)
        #expect(unknown.json?["error"]?["message"]?.stringValue?.contains("unknown provider 'nowhere'") == true)
        let typo = try await harness.admin("/api/combos", method: .POST, body: #"{"name": "y", "targets": ["p1/gpt-4o"], "stratgy": "fallback"}"#)
        #expect(typo.status == 400)
        let a = try await harness.admin("/api/combos", method: .POST, body: #"{"name": "a", "targets": ["p1/gpt-4o"]}"#)
        #expect(a.status == 201)
        let cycle = try await harness.admin("/api/combos/a", method: .PUT, body: #"{"name": "a", "targets": ["a"]}"#)
        #expect(cycle.status == 400)
        let fileCombo = try await harness.admin("/api/combos/combo", method: .PUT, body: #"{"name": "combo", "targets": ["p1/gpt-4o-mini"]}"#)
        #expect(fileCombo.status == 409)
        let fileProvider = try await harness.admin("/api/providers/p1", method: .DELETE)
        #expect(fileProvider.status == 409)
        let routed = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "a"))
        #expect(routed.status == 200)
        let preview = try await harness.admin("/api/route/preview", method: .POST, body: #"{"model": "a"}"#)
        #expect(preview.json?["attempts"]?[0]?["provider"]?.stringValue == "p1")
        let deleted = try await harness.admin("/api/combos/a", method: .DELETE)
        #expect(deleted.status == 204)
        #expect(try await harness.request("/v1/chat/completions", body: Harness.chat(model: "a")).status == 404)
    }

    @Test func aKeyIsShownOnceWorksAndIsRefusedOnceRevoked() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let created = try await harness.admin("/api/keys", method: .POST, body: #"{"name": "ci", "limits": {"usd_per_day": 2.5}}"#)
        #expect(created.status == 201, "\(created.body)")
        let key = try #require(created.json?["key"]?.stringValue)
        let id = try #require(created.json?["id"]?.stringValue)
        #expect(key.hasPrefix("jk-"))
        #expect(created.json?["limits"]?["usd_per_day"]?.doubleValue == 2.5)

        let listed = try await harness.admin("/api/keys")
        #expect(!listed.body.contains(key))
        // Once any key exists, a call without one is refused.
        #expect(try await harness.request("/v1/chat/completions", body: Harness.chat()).status == 401)
        let allowed = try await harness.request("/v1/chat/completions", body: Harness.chat(), headers: [("authorization", "Bearer \(key)")])
        #expect(allowed.status == 200)

        let revoked = try await harness.admin("/api/keys/\(id)", method: .DELETE)
        #expect(revoked.json?["revoked_at"]?.stringValue != nil)
        let refused = try await harness.request("/v1/chat/completions", body: Harness.chat(), headers: [("authorization", "Bearer \(key)")])
        #expect(refused.status == 401)

        await harness.runtime.ledger.flush()
        for file in try FileManager.default.contentsOfDirectory(atPath: harness.dataDir) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: harness.dataDir).appendingPathComponent(file))
            #expect(bytes.range(of: Data(key.utf8)) == nil, "\(file) holds the client key in the clear")
        }
    }

    @Test func usageAndTheRequestLogShowWhatWasServed() async throws {
        let harness = try await Harness.start(MockProvider(), MockProvider(), combo: ["p1/gpt-4o", "p2/gpt-4o"])
        defer { Task { await harness.stop() } }
        harness.mocks[0].provider.enqueue(MockFault(status: 500))
        let reply = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "combo"))
        #expect(reply.status == 200)
        let requestID = try #require(reply.headers.first(name: "x-junction-request-id"))
        _ = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "p1/gpt-4o", stream: true))
        _ = try await harness.request("/v1/chat/completions", body: Harness.chat(model: "nope/gpt-4o"))
        await harness.runtime.ledger.flush()

        let usage = try await harness.admin("/api/usage?since=1h&bucket=all&by=provider")
        #expect(usage.status == 200, "\(usage.body)")
        let rows = try #require(usage.json?["rows"]?.arrayValue)
        #expect(rows.first { $0["group"]?.stringValue == "p2" }?["requests"]?.intValue == 1)
        #expect(usage.json?["totals"]?["requests"]?.intValue == 3)
        #expect(usage.json?["totals"]?["errors"]?.intValue == 1)

        let log = try await harness.admin("/api/requests?limit=10")
        let first = try #require(log.json?["requests"]?.arrayValue?.last)
        #expect(first["id"]?.stringValue == requestID)
        #expect(first["attempts"]?.arrayValue?.map { $0["outcome"]?.stringValue } == ["500", "200"])
        let failed = try await harness.admin("/api/requests?outcome=failure")
        #expect(failed.json?["requests"]?[0]?["error_class"]?.stringValue == "model_not_found")
        let one = try await harness.admin("/api/requests/\(requestID)")
        #expect(one.json?["provider"]?.stringValue == "p2")

        let csv = try await harness.admin("/api/usage.csv?since=1h&bucket=all&by=provider")
        #expect(csv.body.hasPrefix("start,group,requests"))
        let overview = try await harness.admin("/api/overview")
        #expect(overview.json?["today"]?["requests"]?.intValue == 3)
        #expect(overview.json?["fallbacks"]?[0]?["id"]?.stringValue == requestID)
        let bad = try await harness.admin("/api/usage?by=colour")
        #expect(bad.status == 400)
    }

    @Test func theOpenAPIDocumentIsServedAndNamesEveryRoute() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let document = try await harness.admin("/api/openapi.yaml")
        #expect(document.status == 200)
        for route in harness.runtime.makeRouter().routes where "\(route.path)".hasPrefix("/api") {
            let path = "\(route.path)".split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            #expect(document.body.contains("/\(path):"), "openapi.yaml does not describe /\(path)")
        }
    }

    @Test func metricsCountRequestsAndTheTokenGuardsThem() async throws {
        let harness = try await Harness.start([MockProvider()]) { mocks in
            var config = JunctionConfig(providers: [ProviderConfig(id: "p1", baseURL: mocks[0].baseURL, models: ["gpt-4o"])])
            config.metricsToken = "metrics-token-0123456789"
            return config
        }
        defer { Task { await harness.stop() } }
        #expect(try await harness.request("/v1/chat/completions", body: Harness.chat()).status == 200)
        #expect(try await harness.request("/metrics", method: .GET).status == 401)
        let scraped = try await harness.request("/metrics", method: .GET, headers: [("authorization", "Bearer metrics-token-0123456789")])
        #expect(scraped.status == 200)
        #expect(scraped.headers.first(name: "content-type")?.hasPrefix("text/plain") == true)
        #expect(scraped.body.contains(#"junction_requests_total{"#))
        #expect(scraped.body.contains("provider=\"p1\""))
        #expect(scraped.body.contains("junction_ledger_queue_depth"))
        #expect(scraped.body.contains(#"le="300.0""#))
    }
}

@Suite("Admin API: stored configuration")
struct StoredConfigurationTests {
    @Test func nullsMeanUnsetAndCombosNamingEachOtherSurviveARestart() async throws {
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("junction-stored-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dataDir) }
        let first = try await Harness.start([MockProvider()], dataDir: dataDir) { mocks in
            JunctionConfig(providers: [ProviderConfig(id: "p1", baseURL: mocks[0].baseURL, models: ["gpt-4o"])])
        }
        let inner = try await first.admin(
            "/api/combos", method: .POST, body: #"{"name": "zeta", "saver": null, "tiers": [{"name": null, "targets": [{"target": "p1/gpt-4o", "weight": 1}]}]}"#)
        #expect(inner.status == 201, "\(inner.body)")
        #expect(inner.json?["tiers"]?[0]?["name"]?.isNull == true)
        let outer = try await first.admin("/api/combos", method: .POST, body: #"{"name": "alpha", "targets": ["zeta"]}"#)
        #expect(outer.status == 201, "\(outer.body)")
        await first.stop()

        // "alpha" names "zeta", which sorts after it: both must come back after a restart.
        let second = try await Harness.start([MockProvider()], dataDir: dataDir) { mocks in
            JunctionConfig(providers: [ProviderConfig(id: "p1", baseURL: mocks[0].baseURL, models: ["gpt-4o"])])
        }
        defer { Task { await second.stop() } }
        #expect(try await second.request("/v1/chat/completions", body: Harness.chat(model: "alpha")).status == 200)
    }
}
