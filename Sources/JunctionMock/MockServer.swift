import Hummingbird
public import Logging
import ServiceLifecycle
public import UnixSignals

/// A mock provider listening on loopback, started and stopped in-process.
///
/// ```swift
/// let server = try await MockServer.start(MockProvider(name: "primary"))
/// defer { Task { await server.stop() } }
/// let baseURL = server.baseURL   // http://127.0.0.1:PORT/v1
/// ```
public final class MockServer: Sendable {
    public let provider: MockProvider
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(provider: MockProvider, port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.provider = provider
        self.port = port
        self.group = group
        self.task = task
    }

    /// The OpenAI-style base URL, ending in `/v1` (also Anthropic's and the Responses API's).
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// The server's root, without a version: Gemini's base URL is `rootURL + "/v1beta"`.
    public var rootURL: String { "http://127.0.0.1:\(port)" }

    /// Starts `provider` on `host:port` (port 0 picks a free one) and returns once it listens.
    public static func start(
        _ provider: MockProvider, host: String = "127.0.0.1", port: Int = 0, signals: [UnixSignal] = [],
        logger: Logger = Logger(label: "junction.mock", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> MockServer {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: provider.makeRouter(),
            configuration: .init(address: .hostname(host, port: port), serverName: "junction-mock"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: signals, logger: logger))
        let task = Task {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() else {
            // The group ended before listening: most often the port is taken.
            do {
                try await task.value
            } catch {
                throw MockFaultError(text: "the mock server could not start on \(host):\(port): \(error)")
            }
            throw MockFaultError(text: "the mock server could not start on \(host):\(port)")
        }
        return MockServer(provider: provider, port: bound, group: group, task: task)
    }

    /// Stops accepting, lets open requests end, and returns once the server is down.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// Runs until the task is cancelled or the group is shut down (for `junction mock`).
    public func wait() async throws {
        try await task.value
    }
}
