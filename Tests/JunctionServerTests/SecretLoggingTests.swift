import AsyncHTTPClient
import Foundation
import JunctionMock
import JunctionWire
import NIOCore
import NIOHTTP1
import Testing

/// A real `junction serve` at the most verbose log level handles provider keys, client keys and a
/// dashboard password; none of them may appear in its log.
@Suite("Secrets stay out of the log")
struct SecretLoggingTests {
    @Test func theLogAtTraceLevelHoldsNoKeyOrPassword() async throws {
        let providerKey = "sk-log-canary-\(UUID().uuidString)"
        let mock = try await MockServer.start(MockProvider(name: "logged", apiKeys: [providerKey]))
        defer { Task { await mock.stop() } }
        let port = try StartupTests.freePort()
        let dataDir = NSTemporaryDirectory() + "junction-log-\(UUID().uuidString)"
        let adminToken = "admin-log-canary-0123456789"
        let path = NSTemporaryDirectory() + "junction-log-\(UUID().uuidString).yaml"
        try "listen: 127.0.0.1:\(port)\ndata_dir: \(dataDir)\nadmin_token: \(adminToken)\n".write(toFile: path, atomically: true, encoding: .utf8)
        let logPath = NSTemporaryDirectory() + "junction-log-\(UUID().uuidString).log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let process = Process()
        process.executableURL = StartupTests.binary
        process.arguments = ["serve", "--config", path]
        process.environment = ProcessInfo.processInfo.environment.merging(["LOG_LEVEL": "trace"]) { $1 }
        process.standardError = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { Task { try? await client.shutdown() } }
        func send(_ path: String, body: String? = nil, token: String? = nil, method: HTTPMethod = .POST) async throws -> (Int, String) {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
            request.method = method
            request.headers.add(name: "content-type", value: "application/json")
            if let token { request.headers.add(name: "authorization", value: "Bearer \(token)") }
            if let body { request.body = .bytes(ByteBuffer(string: body)) }
            let response = try await client.execute(request, timeout: .seconds(15))
            return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 1 << 20)))
        }
        let up = await eventually(within: 20) { (try? await send("/health", method: .GET))?.0 == 200 }
        try #require(up)

        let provider = try await send(
            "/api/providers", body: #"{"id": "logged", "base_url": "\#(mock.baseURL)", "models": ["gpt-4o"], "accounts": [{"key": "\#(providerKey)"}]}"#,
            token: adminToken)
        #expect(provider.0 == 201)
        let created = try await send("/api/keys", body: #"{"name": "canary"}"#, token: adminToken)
        let clientKey = try #require(try JSONValue(parsing: created.1)["key"]?.stringValue)
        #expect(try await send("/v1/chat/completions", body: Harness.chat(model: "logged/gpt-4o"), token: clientKey).0 == 200)
        #expect(try await send("/v1/chat/completions", body: Harness.chat(model: "logged/gpt-4o"), token: "jk-wrong-canary").0 == 401)
        #expect(try await send("/dashboard/setup", body: #"{"password": "password-log-canary"}"#).0 == 200)
        #expect(try await send("/dashboard/login", body: #"{"password": "wrong-password-canary"}"#).0 == 401)
        _ = try await send("/api/providers/logged/test", body: "{}", token: adminToken)

        kill(process.processIdentifier, SIGTERM)
        _ = await eventually(within: 15) { !process.isRunning }
        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(log.contains("POST /v1/chat/completions"), "the log was written")
        for secret in [providerKey, clientKey, adminToken, "jk-wrong-canary", "password-log-canary", "wrong-password-canary"] {
            #expect(!log.contains(secret), "the log contains a secret")
        }
    }
}
