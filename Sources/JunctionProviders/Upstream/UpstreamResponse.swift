import Foundation
public import AsyncHTTPClient
public import NIOCore

/// A provider's response head and its body, still streaming.
///
/// The body is read chunk by chunk with backpressure: the next chunk is read from the socket only
/// when it is asked for. Dropping the body's iterator before the end closes the upstream request.
public struct UpstreamResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: HTTPClientResponse.Body

    public init(status: Int, headers: [(name: String, value: String)], body: HTTPClientResponse.Body) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, matched without regard to case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
