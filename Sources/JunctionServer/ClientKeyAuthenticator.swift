import Foundation
import HTTPTypes
import Hummingbird
import JunctionGateway
import JunctionWire

/// Checks the client key on every API route: `Authorization: Bearer KEY` or `x-api-key: KEY`.
///
/// With no keys configured every request passes (the server refuses to start that way off
/// loopback). Keys are compared in constant time, against every configured key, so neither the
/// timing nor the order of keys tells an attacker anything.
struct ClientKeyAuthenticator: RouterMiddleware {
    typealias Context = JunctionRequestContext

    private let keys: [(name: String, bytes: [UInt8])]

    init(keys: [ClientKey]) {
        self.keys = keys.map { ($0.name, Array($0.key.utf8)) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !keys.isEmpty else { return try await next(request, context) }
        guard let presented = Self.presentedKey(request), let name = match(Array(presented.utf8)) else {
            RequestLogMiddleware.log(request, status: 401, since: .now, logger: context.logger, error: "invalid client key")
            let format = Self.format(ofPath: request.uri.path)
            let body = ErrorRenderer.body(
                format: format, status: 401,
                message: "Missing or invalid API key. Send it as 'Authorization: Bearer KEY', 'x-api-key: KEY' or 'x-goog-api-key: KEY'.",
                code: "invalid_api_key")
            return Response(
                status: .unauthorized, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: body.serialized())))
        }
        var context = context
        context.clientKeyName = name
        return try await next(request, context)
    }

    /// The client's API, from the route, so that a refusal comes in the client's own shape.
    static func format(ofPath path: String) -> APIFormat {
        if path.hasPrefix("/v1/messages") { return .anthropic }
        if path.hasPrefix("/v1/responses") { return .openAIResponses }
        if path.hasPrefix("/v1beta/") { return .gemini }
        return .openAIChat
    }

    /// The key from `Authorization: Bearer`, `x-api-key`, `x-goog-api-key` or Gemini's `?key=`.
    static func presentedKey(_ request: Request) -> String? {
        let headers = request.headers
        if let authorization = headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return String(parts[1]).trimmingCharacters(in: .whitespaces)
            }
        }
        for header in ["x-api-key", "x-goog-api-key"] {
            if let name = HTTPField.Name(header), let key = headers[name] { return key }
        }
        return request.uri.queryParameters.get("key")
    }

    private func match(_ presented: [UInt8]) -> String? {
        var found: String?
        for key in keys where Self.constantTimeEquals(presented, key.bytes) && found == nil {
            found = key.name
        }
        return found
    }

    /// Equal bytes, in time that depends only on the lengths.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count)
        let length = max(lhs.count, rhs.count)
        for index in 0..<length {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
