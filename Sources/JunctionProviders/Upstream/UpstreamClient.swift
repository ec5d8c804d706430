import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// Sends requests to providers over AsyncHTTPClient, with connect, first-byte and idle timeouts.
///
/// Connect and idle timeouts belong to an `HTTPClient`'s configuration, so one client is kept per
/// distinct pair and shared by every provider that uses it. Call ``shutdown()`` when done.
public final class UpstreamClient: Sendable {
    private struct ClientKey: Hashable {
        var connect: Duration
        var idle: Duration
    }

    private let clients = Mutex<[ClientKey: HTTPClient]>([:])
    private let maximumConnectionsPerHost: Int

    public init(maximumConnectionsPerHost: Int = 512) {
        self.maximumConnectionsPerHost = maximumConnectionsPerHost
    }

    /// Sends `request` and returns once the response head has arrived.
    ///
    /// - Throws: ``UpstreamError`` for transport failures; an HTTP error status is a response, not a throw.
    public func send(_ request: UpstreamRequest, logger: Logger) async throws -> UpstreamResponse {
        let client = httpClient(for: request.timeouts)
        var outbound = HTTPClientRequest(url: request.url)
        outbound.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outbound.headers.add(name: header.name, value: header.value) }
        outbound.body = .bytes(ByteBuffer(bytes: request.body))
        do {
            let response = try await client.execute(outbound, timeout: .init(request.timeouts.firstByte), logger: logger)
            return UpstreamResponse(
                status: Int(response.status.code),
                headers: response.headers.map { (name: $0.name, value: $0.value) },
                body: response.body)
        } catch {
            throw Self.classify(error)
        }
    }

    /// Shuts every client down; in-flight requests fail.
    public func shutdown() async throws {
        let all = clients.withLock { clients in
            defer { clients.removeAll() }
            return Array(clients.values)
        }
        for client in all { try await client.shutdown() }
    }

    private func httpClient(for timeouts: UpstreamTimeouts) -> HTTPClient {
        let key = ClientKey(connect: timeouts.connect, idle: timeouts.idle)
        return clients.withLock { clients in
            if let existing = clients[key] { return existing }
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: .init(timeouts.connect), read: .init(timeouts.idle)),
                decompression: .disabled)
            configuration.connectionPool = .init(
                idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: maximumConnectionsPerHost)
            // A refused connection should fail this attempt at once so the next target runs, not be
            // retried with backoff until the connect timeout.
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.httpVersion = .automatic
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            clients[key] = client
            return client
        }
    }

    /// Maps an AsyncHTTPClient or NIO error onto ``UpstreamError``, without echoing URLs or keys.
    public static func classify(_ error: any Error) -> UpstreamError {
        if let upstream = error as? UpstreamError { return upstream }
        if let client = error as? HTTPClientError {
            let table: [(HTTPClientError, UpstreamError.Kind, String)] = [
                (.deadlineExceeded, .firstByteTimeout, "no response within the first-byte timeout"),
                (.readTimeout, .idleTimeout, "the response stalled past the idle timeout"),
                (.connectTimeout, .connect, "connect timed out"),
                (.remoteConnectionClosed, .connectionClosed, "the provider closed the connection"),
                (.invalidURL, .invalidRequest, "invalid provider URL"),
                (.emptyHost, .invalidRequest, "invalid provider URL"),
                (.emptyScheme, .invalidRequest, "invalid provider URL"),
                (.cancelled, .other, "cancelled"),
            ]
            if let match = table.first(where: { $0.0 == client }) {
                return UpstreamError(kind: match.1, message: match.2)
            }
            return UpstreamError(kind: .other, message: "transport error: \(client.shortDescription)")
        }
        if error is NIOConnectionError || error is IOError {
            return UpstreamError(kind: .connect, message: "connection failed")
        }
        if error is CancellationError { return UpstreamError(kind: .other, message: "cancelled") }
        let text = String(describing: error)
        if text.contains("connectTimeout") || text.lowercased().contains("connection refused") {
            return UpstreamError(kind: .connect, message: "connection failed")
        }
        return UpstreamError(kind: .connectionClosed, message: "transport error")
    }
}

extension HTTPClientError {
    fileprivate var shortDescription: String {
        String(describing: self).components(separatedBy: "(").first ?? "unknown"
    }
}
