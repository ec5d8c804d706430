import ArgumentParser
import AsyncHTTPClient
import Foundation
import JunctionGateway
import JunctionMock
import JunctionServer
import JunctionStore
import Logging
import ServiceLifecycle
import NIOCore
import NIOHTTP1

/// `junction demo`: the router and two mock providers on free loopback ports, a scripted session
/// through a fallback combo whose first provider starts rate-limiting part-way, and a table of what
/// happened. It needs no configuration and no keys.
struct DemoCommand: JunctionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Run a self-contained demo: router, mock providers, scripted traffic.")

    @Option(help: "How many requests to send.")
    var requests: Int = 8

    func execute() async throws {
        let logger = LogSetup.bootstrap(defaultLevel: .warning)
        let quiet = Logger(label: "junction.demo", factory: { _ in SwiftLogNoOpLogHandler() })
        let failFrom = max(2, requests / 2)
        let premium = try await MockServer.start(
            MockProvider(
                name: "premium", models: ["gpt-4o"], apiKeys: ["demo-premium-key"],
                scenario: MockScenario(rules: [.init(firstRequest: failFrom, fault: MockFault(status: 429, retryAfter: 3600))])),
            logger: quiet)
        let backup = try await MockServer.start(
            MockProvider(name: "backup", models: ["gpt-4o-mini"], apiKeys: ["demo-backup-key"]), logger: quiet)
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("junction-demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dataDir) }

        let config = JunctionConfig(
            listen: ListenAddress(host: "127.0.0.1", port: 0), dataDir: dataDir,
            providers: [
                ProviderConfig(id: "premium", baseURL: premium.baseURL, apiKeys: ["demo-premium-key"], models: ["gpt-4o"]),
                ProviderConfig(id: "backup", baseURL: backup.baseURL, apiKeys: ["demo-backup-key"], models: ["gpt-4o-mini"]),
            ],
            combos: [ComboConfig(name: "coding", targets: ["premium/gpt-4o", "backup/gpt-4o-mini"])])
        let runtime = try await JunctionRuntime(config: config, logger: logger)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let group = runtime.makeServiceGroup(signals: []) { port in
            portContinuation.yield(port)
            portContinuation.finish()
        }
        let serverTask = Task {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else {
            let reason = await serverTask.result
            exitWithError("the router did not start: \(reason)")
        }

        print("Junction demo: router on http://127.0.0.1:\(port)/v1, combo 'coding' = premium/gpt-4o → backup/gpt-4o-mini")
        print("premium starts answering 429 (rate limited, reset in 1 h) from its request \(failFrom) on.\n")
        var rows: [DemoRow] = []
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            for index in 1...requests {
                let stream = index % 2 == 0
                rows.append(try await send(index: index, stream: stream, port: port, client: client, ledger: runtime.ledger, store: runtime.store))
            }
        } catch {
            try? await client.shutdown()
            await group.triggerGracefulShutdown()
            exitWithError("demo request failed: \(error)")
        }
        try await client.shutdown()
        print(DemoRow.table(rows))
        let served = rows.filter { $0.status == 200 }.count
        print("\n\(served)/\(rows.count) requests served.")
        if let hit = rows.first(where: { $0.route.contains(":429") }) {
            let rested = rows.filter { $0.index > hit.index && !$0.route.contains("premium") }.count
            print(
                "Request \(hit.index): premium answered 429 with a one-hour reset; Junction moved to backup without the client "
                    + "noticing, then let premium rest: the \(rested) requests after it went straight to backup.")
        }
        print("Each request wrote one row to the usage ledger (a temporary SQLite database, removed on exit).")
        await group.triggerGracefulShutdown()
        _ = try? await serverTask.value
        await premium.stop()
        await backup.stop()
    }

    private func send(index: Int, stream: Bool, port: Int, client: HTTPClient, ledger: Ledger, store: any Store) async throws -> DemoRow {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/chat/completions")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        let prompt = "Step \(index): suggest a name for a helper that parses SSE."
        let body = #"{"model":"coding","stream":\#(stream),"messages":[{"role":"user","content":"\#(prompt)"}]}"#
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        var chunks = 0
        for try await _ in response.body { chunks += 1 }
        await ledger.flush()
        let record = try await store.requestLog(RequestLogQuery(limit: 1)).first
        return DemoRow(
            index: index, mode: stream ? "stream" : "json", route: response.headers.first(name: "x-junction-route") ?? "-",
            attempts: Int(response.headers.first(name: "x-junction-attempts") ?? "") ?? 0,
            inputTokens: record?.inputTokens, outputTokens: record?.outputTokens, latencyMs: record?.latencyMs ?? 0,
            status: Int(response.status.code))
    }
}
