import AsyncHTTPClient
import Foundation
import JunctionGateway
import JunctionProviders
import JunctionRouting
import JunctionMock
import JunctionServer
import JunctionStore
import JunctionWire
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Testing

/// A live Junction on a free loopback port in front of live mock providers, for one test.
final class Harness: Sendable {
    let mocks: [MockServer]
    let runtime: JunctionRuntime
    let port: Int
    let client: HTTPClient
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    let dataDir: String

    private let keepData: Bool

    private init(
        mocks: [MockServer], runtime: JunctionRuntime, port: Int, group: ServiceGroup, task: Task<Void, any Error>, dataDir: String,
        keepData: Bool
    ) {
        self.keepData = keepData
        self.mocks = mocks
        self.runtime = runtime
        self.port = port
        self.group = group
        self.task = task
        self.dataDir = dataDir
        self.client = HTTPClient(eventLoopGroupProvider: .singleton)
    }

    /// Starts the mocks, then Junction with the configuration `configure` builds from them.
    static func start(
        _ providers: [MockProvider], clock: any RoutingClock = SystemRoutingClock(), dataDir: String? = nil,
        configure: ([MockServer]) -> JunctionConfig
    ) async throws -> Harness {
        var mocks: [MockServer] = []
        for provider in providers { mocks.append(try await MockServer.start(provider)) }
        var config = configure(mocks)
        let keepData = dataDir != nil
        let dataDir = dataDir ?? FileManager.default.temporaryDirectory.appendingPathComponent("junction-test-\(UUID().uuidString)").path
        config.dataDir = dataDir
        config.listen = ListenAddress(host: "127.0.0.1", port: 0)
        if config.adminToken == nil { config.adminToken = Harness.adminToken }
        let runtime = try await JunctionRuntime(
            config: config, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), clock: clock)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let group = runtime.makeServiceGroup(signals: []) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        return Harness(mocks: mocks, runtime: runtime, port: port, group: group, task: task, dataDir: dataDir, keepData: keepData)
    }

    /// One mock provider `p1`, `p2`… per given provider, each serving `gpt-4o` and `gpt-4o-mini`.
    static func start(
        _ providers: MockProvider..., combo: [String]? = nil, timeouts: UpstreamTimeouts = .init(), clientKeys: [ClientKey] = [],
        clock: any RoutingClock = SystemRoutingClock()
    ) async throws -> Harness {
        try await start(providers, clock: clock) { mocks in
            JunctionConfig(
                clientKeys: clientKeys,
                providers: mocks.enumerated().map { index, mock in
                    ProviderConfig(
                        id: "p\(index + 1)", baseURL: mock.baseURL, apiKeys: mock.provider.apiKeys,
                        models: ["gpt-4o", "gpt-4o-mini"], timeouts: timeouts)
                },
                combos: combo.map { [ComboConfig(name: "combo", targets: $0)] } ?? [])
        }
    }

    func stop() async {
        try? await client.shutdown()
        await group.triggerGracefulShutdown()
        _ = try? await task.value
        for mock in mocks { await mock.stop() }
        if !keepData { try? FileManager.default.removeItem(atPath: dataDir) }
    }

    /// Triggers the same graceful shutdown that SIGTERM does.
    func triggerShutdown() async {
        await group.triggerGracefulShutdown()
    }

    var serverTask: Task<Void, any Error> { task }

    struct Reply {
        var status: Int
        var headers: HTTPHeaders
        var body: String
        var json: JSONValue? { try? JSONValue(parsing: body) }
    }

    func request(
        _ path: String, method: HTTPMethod = .POST, body: String? = nil, headers: [(String, String)] = []
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        request.headers.add(name: "content-type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }

    /// A chat request body.
    static func chat(model: String = "p1/gpt-4o", stream: Bool = false, includeUsage: Bool = false, text: String = "Say hello") -> String {
        let options = includeUsage ? #","stream_options":{"include_usage":true}"# : ""
        return #"{"model":"\#(model)","stream":\#(stream)\#(options),"messages":[{"role":"user","content":"\#(text)"}]}"#
    }

    /// Streams a chat request and returns the status, headers and every SSE event.
    func stream(_ body: String, headers: [(String, String)] = []) async throws -> (status: Int, headers: HTTPHeaders, events: [ServerSentEvent]) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/chat/completions")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        var decoder = ServerSentEventDecoder()
        var events: [ServerSentEvent] = []
        for try await chunk in response.body { events += try decoder.feed(chunk.readableBytesView) }
        if let last = decoder.finish() { events.append(last) }
        return (Int(response.status.code), response.headers, events)
    }

    /// Every usage row, after the ledger has written what is queued.
    func usageRecords() async throws -> [UsageRecord] {
        await runtime.ledger.flush()
        return try await runtime.store.usageRecords(since: .distantPast)
    }

    /// The admin token every harness is configured with (unless its configuration sets another).
    static let adminToken = "test-admin-token-0123456789"

    /// An admin API call with the admin token.
    func admin(_ path: String, method: HTTPMethod = .GET, body: String? = nil) async throws -> Reply {
        try await request(path, method: method, body: body, headers: [("authorization", "Bearer \(Harness.adminToken)")])
    }
}

/// Waits, polling, until `condition` holds or `seconds` pass; returns whether it held.
func eventually(within seconds: Double = 5, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

extension ServerSentEvent {
    /// The event's JSON without the fields that differ between two otherwise equal streams.
    var normalizedData: String {
        guard var value = try? JSONValue(parsing: data) else { return data }
        value["id"] = nil
        value["created"] = nil
        return value.serializedString()
    }

    /// The text of a chat chunk's delta.
    var deltaText: String {
        (try? JSONValue(parsing: data))?["choices"]?[0]?["delta"]?["content"]?.stringValue ?? ""
    }
}
