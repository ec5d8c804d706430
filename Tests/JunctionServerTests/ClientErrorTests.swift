import Foundation
import JunctionStore
import NIOCore
import NIOHTTP1
import JunctionServer
import JunctionGateway
import JunctionMock
import JunctionWire
import Testing

@Suite("Client mistakes get clear errors in OpenAI's shape")
struct ClientErrorTests {
    @Test func malformedJSONIs400() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/chat/completions", body: #"{"model": "p1/gpt-4o", "messages": [}"#)
        #expect(reply.status == 400)
        #expect(reply.json?["error"]?["type"]?.stringValue == "invalid_request_error")
        #expect(reply.json?["error"]?["code"]?.stringValue == "invalid_json")
        #expect(harness.mocks[0].provider.receivedRequests.isEmpty)
    }

    @Test(arguments: [#"{"messages":[]}"#, #"[1,2]"#, #"{"model":"p1/gpt-4o","messages":"hi"}"#])
    func aBodyWithoutItsRequiredFieldsIs400(body: String) async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/chat/completions", body: body)
        #expect(reply.status == 400)
        #expect(reply.json?["error"]?["message"]?.stringValue?.isEmpty == false)
    }

    @Test(arguments: ["nope/gpt-4o", "p1/not-listed", "no-such-combo", "p1/"])
    func anUnknownModelIs404NamingTheKnownOnes(model: String) async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let reply = try await harness.request("/v1/chat/completions", body: Harness.chat(model: model))
        #expect(reply.status == 404)
        #expect(reply.json?["error"]?["code"]?.stringValue == "model_not_found")
        #expect(reply.json?["error"]?["message"]?.stringValue?.contains("p1/gpt-4o") == true)
    }

    @Test func aBodyOver32MiBIs413() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let padding = String(repeating: "x", count: 33 << 20)
        let reply = try await harness.request("/v1/chat/completions", body: Harness.chat(text: padding))
        #expect(reply.status == 413)
        #expect(reply.json?["error"]?["code"]?.stringValue == "request_too_large")
        // The server keeps serving.
        let next = try await harness.request("/v1/chat/completions", body: Harness.chat())
        #expect(next.status == 200)
    }

    @Test func aWrongOrMissingClientKeyIs401AndTheRightOneWorksEitherWay() async throws {
        let harness = try await Harness.start(MockProvider(), clientKeys: [ClientKey(name: "laptop", key: "jk-secret-1")])
        defer { Task { await harness.stop() } }
        let missing = try await harness.request("/v1/chat/completions", body: Harness.chat())
        #expect(missing.status == 401)
        #expect(missing.json?["error"]?["type"]?.stringValue == "authentication_error")
        let wrong = try await harness.request("/v1/chat/completions", body: Harness.chat(), headers: [("authorization", "Bearer jk-secret-2")])
        #expect(wrong.status == 401)
        #expect(!wrong.body.contains("jk-secret"), "no key is echoed")
        let prefix = try await harness.request("/v1/models", method: .GET, headers: [("authorization", "Bearer jk-secret")])
        #expect(prefix.status == 401)
        let bearer = try await harness.request("/v1/chat/completions", body: Harness.chat(), headers: [("authorization", "Bearer jk-secret-1")])
        #expect(bearer.status == 200)
        let apiKey = try await harness.request("/v1/chat/completions", body: Harness.chat(), headers: [("x-api-key", "jk-secret-1")])
        #expect(apiKey.status == 200)
        let records = try await harness.usageRecords()
        #expect(records.map(\.clientKey) == ["laptop", "laptop"])
        #expect(harness.mocks[0].provider.receivedRequests.count == 2)
    }
}
