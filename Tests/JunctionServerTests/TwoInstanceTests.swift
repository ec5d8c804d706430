import AsyncHTTPClient
import Foundation
import JunctionMock
@testable import JunctionStore
import JunctionWire
import Logging
import NIOCore
import NIOHTTP1
import Testing

/// Two real `junction serve` processes on one PostgreSQL: configuration made through one reaches the
/// other within 2 s, cooldowns and spending limits are shared, and both write the one ledger.
@Suite("Two instances on one PostgreSQL")
struct TwoInstanceTests {
    static let adminToken = "two-instance-admin-token-0123"

    struct Instance {
        let process: Process
        let port: Int
        let stderr: Pipe

        func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
    }

    @Test func configurationHealthAndSpendingAreSharedAndBothWriteOneLedger() async throws {
        guard let admin = ProcessInfo.processInfo.environment["JUNCTION_TEST_POSTGRES_URL"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("PostgreSQL is required in CI: set JUNCTION_TEST_POSTGRES_URL (see .ci/run)")
            }
            return
        }
        let logger: Logger = {
            var logger = Logger(label: "two-instances")
            logger.logLevel = .error
            return logger
        }()
        let database = try await PostgresAdmin.createDatabase(adminURL: admin, prefix: "twoinstances", logger: logger)
        defer { Task { try? await PostgresAdmin.dropDatabase(adminURL: admin, name: database.name, logger: logger) } }

        let primary = MockProvider(name: "primary")
        primary.enqueue(MockFault(status: 429, retryAfter: 600))
        let primaryServer = try await MockServer.start(primary)
        let backupServer = try await MockServer.start(MockProvider(name: "backup"))
        defer { Task { await primaryServer.stop(); await backupServer.stop() } }

        let secret = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        let yaml = """
            database: \(database.url)
            admin_token: \(Self.adminToken)
            providers:
              - id: primary
                kind: openai
                base_url: \(primaryServer.baseURL)
                models: [gpt-4o]
              - id: backup
                kind: openai
                base_url: \(backupServer.baseURL)
                models: [gpt-4o]
            combos:
              - name: shared
                targets: [primary/gpt-4o, backup/gpt-4o]
            """
        let path = NSTemporaryDirectory() + "junction-two-\(UUID().uuidString).yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let a = try launch(config: path, secret: secret)
        let b = try launch(config: path, secret: secret)
        defer {
            for instance in [a, b] where instance.process.isRunning { instance.process.terminate() }
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { Task { try? await client.shutdown() } }
        for instance in [a, b] {
            let up = await eventually(within: 20) { (try? await send(client, instance.url("/health"), method: .GET))?.status == 200 }
            #expect(up, "instance on \(instance.port) did not start: \(String(decoding: instance.stderr.fileHandleForReading.availableData, as: UTF8.self))")
        }

        // A key made through A is required by B within 2 seconds; until then B needs none.
        let open = try await send(client, b.url("/v1/chat/completions"), body: Harness.chat(model: "backup/gpt-4o"))
        #expect(open.status == 200)
        let created = try await send(client, a.url("/api/keys"), body: #"{"name": "shared-key", "limits": {"usd_per_day": 0.000001}}"#, admin: true)
        #expect(created.status == 201, "\(created.body)")
        let key = try #require(created.json?["key"]?.stringValue)
        let madeAt = ContinuousClock.now
        let seen = await eventually(within: 2) {
            (try? await send(client, b.url("/v1/chat/completions"), body: Harness.chat(model: "backup/gpt-4o")))?.status == 401
        }
        #expect(seen, "B did not require the key made through A within 2 s")
        print("two instances: key made on A required by B after \(ContinuousClock.now - madeAt)")

        // A meets the 429 on primary and rests it; B then skips primary without trying it.
        let first = try await send(client, a.url("/v1/chat/completions"), body: Harness.chat(model: "shared"), key: key)
        #expect(first.status == 200)
        #expect(first.headers.first(name: "x-junction-route")?.hasPrefix("primary/gpt-4o:429") == true)
        let shared = await eventually(within: 10) {
            let served = try? await send(client, b.url("/api/route/preview"), body: #"{"model": "shared"}"#, admin: true)
            return served?.json?["attempts"]?[0]?["provider"]?.stringValue == "backup"
        }
        if !shared {
            let healthA = try? await send(client, a.url("/api/health"), method: .GET, admin: true)
            let healthB = try? await send(client, b.url("/api/health"), method: .GET, admin: true)
            let saved = try? await withPostgresStore(url: database.url, logger: logger) { try await $0.loadRoutingHealth() }
            let text = saved.flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) } ?? "nothing saved"
            Issue.record("B still routes to primary after A rested it; A: \(healthA?.body ?? "-"); B: \(healthB?.body ?? "-"); saved: \(text.prefix(1500))")
        }

        // The key's daily dollar cap was spent on A (one request at gpt-4o's price); B refuses it too.
        let capped = await eventually(within: 3) {
            (try? await send(client, b.url("/v1/chat/completions"), body: Harness.chat(model: "backup/gpt-4o"), key: key))?.status == 429
        }
        #expect(capped, "B did not see the spending A recorded")

        // Both instances wrote to the one ledger.
        let fromB = try await send(client, b.url("/v1/chat/completions"), body: Harness.chat(model: "backup/gpt-4o"), key: key)
        let idB = fromB.headers.first(name: "x-junction-request-id")
        let idA = first.headers.first(name: "x-junction-request-id")
        let ledgered = await eventually(within: 5) {
            do {
                let rows = try await withPostgresStore(url: database.url, logger: logger) { try await $0.usageRecords(since: .distantPast) }
                return rows.contains { $0.requestId == idA } && rows.contains { $0.requestId == idB }
            } catch {
                Issue.record("reading the shared ledger: \(error)")
                return false
            }
        }
        #expect(ledgered, "the shared ledger lacks a row from one of the instances")

        for instance in [a, b] { kill(instance.process.processIdentifier, SIGTERM) }
        for instance in [a, b] {
            let stopped = await eventually(within: 15) { !instance.process.isRunning }
            #expect(stopped)
            #expect(instance.process.terminationStatus == 0)
        }
    }

    private func launch(config: String, secret: String) throws -> Instance {
        let port = try StartupTests.freePort()
        let process = Process()
        process.executableURL = StartupTests.binary
        process.arguments = ["serve", "--config", config, "--port", String(port), "--data-dir", NSTemporaryDirectory() + "junction-two-\(UUID().uuidString)"]
        process.environment = ProcessInfo.processInfo.environment.merging(["JUNCTION_SECRET_KEY": secret, "LOG_LEVEL": ProcessInfo.processInfo.environment["JUNCTION_TWO_INSTANCE_LOGS"] ?? "warning"]) { $1 }
        let stderr = Pipe()
        // JUNCTION_TWO_INSTANCE_LOGS=debug writes each instance's log to a file named after its port.
        let logPath = NSTemporaryDirectory() + "junction-two-\(port).log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.standardError = ProcessInfo.processInfo.environment["JUNCTION_TWO_INSTANCE_LOGS"] == nil ? stderr : FileHandle(forWritingAtPath: logPath)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return Instance(process: process, port: port, stderr: stderr)
    }

    private func send(
        _ client: HTTPClient, _ url: String, method: HTTPMethod = .POST, body: String? = nil, admin: Bool = false, key: String? = nil
    ) async throws -> Harness.Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "content-type", value: "application/json")
        if admin { request.headers.add(name: "authorization", value: "Bearer \(Self.adminToken)") }
        if let key { request.headers.add(name: "authorization", value: "Bearer \(key)") }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(15))
        let bytes = try await response.body.collect(upTo: 8 << 20)
        return Harness.Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }
}
