import AsyncHTTPClient
import Foundation
import JunctionMock
import JunctionWire
import NIOCore
import NIOHTTP1

/// A live HTTP exchange with a mock server, for the format tests.
struct MockExchange {
    var status: Int
    var headers: HTTPHeaders
    var text: String

    /// The body as JSON.
    func json() throws -> JSONValue { try JSONValue(parsing: text) }

    /// The body as server-sent events.
    func events() throws -> [ServerSentEvent] {
        var decoder = ServerSentEventDecoder()
        return try decoder.feed(Array(text.utf8))
    }

    /// The events' data parsed as JSON.
    func eventData() throws -> [JSONValue] { try events().map { try JSONValue(parsing: $0.data) } }
}

enum MockHTTP {
    /// Sends a request to the mock at `path` (from its root) and collects the whole answer.
    static func send(
        _ server: MockServer, _ path: String, method: HTTPMethod = .POST, headers: [(String, String)] = [], body: String? = nil
    ) async throws -> MockExchange {
        var request = HTTPClientRequest(url: server.rootURL + path)
        request.method = method
        request.headers.add(name: "content-type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 4 << 20)
        return MockExchange(status: Int(response.status.code), headers: response.headers, text: String(buffer: bytes))
    }

    /// Runs `body` against a fresh mock and stops it afterwards.
    static func withMock<T>(_ provider: MockProvider = MockProvider(name: "m"), _ body: (MockServer) async throws -> T) async throws -> T {
        let server = try await MockServer.start(provider)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}
