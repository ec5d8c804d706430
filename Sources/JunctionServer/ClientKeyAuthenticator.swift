import Foundation
import HTTPTypes
import Hummingbird
import JunctionGateway
import JunctionWire

/// Checks the client key on every API route: `Authorization: Bearer KEY`, `x-api-key`,
/// `x-goog-api-key` or Gemini's `?key=`.
///
/// With no keys configured (in the file or through the admin API) every request passes; the server
/// refuses to start that way off loopback. A presented key is hashed (SHA-256) and looked up among
/// the hashes of the configured keys, so no plaintext key is kept or compared; a revoked key is
/// simply no longer among them.
struct ClientKeyAuthenticator: RouterMiddleware {
    typealias Context = JunctionRequestContext

    let gateway: Gateway

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard gateway.requiresClientKey else { return try await next(request, context) }
        guard let presented = Self.presentedKey(request), let key = gateway.clientKey(presented: presented) else {
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
        context.clientKeyName = key.name
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
        if let token = BearerToken.from(headers[.authorization]) { return token }
        for header in ["x-api-key", "x-goog-api-key"] {
            if let name = HTTPField.Name(header), let key = headers[name] { return key }
        }
        return request.uri.queryParameters.get("key")
    }
}
