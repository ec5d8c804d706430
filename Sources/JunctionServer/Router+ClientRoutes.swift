import Foundation
import HTTPTypes
import Hummingbird
import JunctionGateway
import JunctionSaver
import JunctionWire
import NIOCore

extension Router<JunctionRequestContext> {
    /// The client-facing APIs: OpenAI Chat Completions and Responses, Anthropic Messages, Gemini,
    /// the model list and the health check.
    func addClientRoutes(gateway: Gateway) {
        group()
            .add(middleware: RequestLogMiddleware())
            .get("/health") { _, _ -> Response in
                let body: JSONValue = [
                    "status": "ok",
                    "providers": .int(gateway.config.providers.count),
                    "combos": .int(gateway.config.combos.count),
                ]
                return .json(body)
            }

        let authenticated = group().add(middleware: ClientKeyAuthenticator(gateway: gateway))
        authenticated.group()
            .add(middleware: RequestLogMiddleware())
            .get("/v1/models") { _, _ -> Response in .json(gateway.modelList()) }

        authenticated.post("/v1/chat/completions") { request, context -> Response in
            try await forward(request, context: context, format: .openAIChat, gateway: gateway)
        }
        authenticated.post("/v1/messages") { request, context -> Response in
            try await forward(request, context: context, format: .anthropic, gateway: gateway)
        }
        authenticated.post("/v1/messages/count_tokens") { request, context -> Response in
            try await forward(request, context: context, format: .anthropic, gateway: gateway, countTokens: true)
        }
        authenticated.post("/v1/responses") { request, context -> Response in
            try await forward(request, context: context, format: .openAIResponses, gateway: gateway)
        }
        authenticated.post("/v1beta/models/{target}") { request, context -> Response in
            // The last path segment is `{model}:generateContent` or `{model}:streamGenerateContent`.
            let target = context.parameters.get("target") ?? ""
            guard let colon = target.lastIndex(of: ":") else {
                return .error(format: .gemini, status: .notFound, message: "Use models/{model}:generateContent or :streamGenerateContent.", code: "not_found")
            }
            let action = target[target.index(after: colon)...]
            guard action == "generateContent" || action == "streamGenerateContent" else {
                return .error(format: .gemini, status: .notFound, message: "Unknown method '\(action)'.", code: "not_found")
            }
            let model = String(target[..<colon]).removingPercentEncoding ?? String(target[..<colon])
            return try await forward(
                request, context: context, format: .gemini, gateway: gateway, pathModel: model, pathStream: action == "streamGenerateContent")
        }
    }
}

/// Reads the body within the upload limit and hands the request to the gateway.
private func forward(
    _ request: Request, context: JunctionRequestContext, format: APIFormat, gateway: Gateway, countTokens: Bool = false,
    pathModel: String? = nil, pathStream: Bool = false
) async throws -> Response {
    let received = ContinuousClock.now
    let limit = JunctionRequestContext.maximumBodySize
    func refuse(_ status: HTTPResponse.Status, _ message: String, code: String, log: String) -> Response {
        RequestLogMiddleware.log(request, status: Int(status.code), since: received, logger: context.logger, error: log)
        return .error(format: format, status: status, message: message, code: code)
    }
    if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
        return refuse(.contentTooLarge, "The request body is larger than \(limit >> 20) MiB.", code: "request_too_large", log: "body too large")
    }
    let body: ByteBuffer
    do {
        body = try await request.body.collect(upTo: limit)
    } catch is NIOTooManyBytesError {
        return refuse(.contentTooLarge, "The request body is larger than \(limit >> 20) MiB.", code: "request_too_large", log: "body too large")
    }
    var saverLevel: SaverLevel?
    if let header = request.headers[HTTPField.Name("x-junction-saver")!] {
        guard let level = SaverLevel(rawValue: header.trimmingCharacters(in: .whitespaces).lowercased()) else {
            return refuse(.badRequest, "x-junction-saver must be off, safe or aggressive.", code: "invalid_saver_level", log: "bad x-junction-saver")
        }
        saverLevel = level
    }
    var forwarded: [String: String] = [:]
    for name in ["anthropic-version", "anthropic-beta"] {
        if let value = request.headers[HTTPField.Name(name)!] { forwarded[name] = value }
    }
    let clientRequest = ClientRequest(
        format: format, method: request.method.rawValue, path: request.uri.path, body: Array(body.readableBytesView),
        clientKeyName: context.clientKeyName, receivedAt: received, saverLevel: saverLevel, pathModel: pathModel,
        pathStream: pathStream, forwardedHeaders: forwarded,
        conversationKey: request.headers[HTTPField.Name("x-junction-conversation")!])
    if countTokens { return await gateway.countTokens(clientRequest).hummingbirdResponse }
    return await gateway.handle(clientRequest).hummingbirdResponse
}

extension Response {
    /// A JSON response.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: value.serialized())))
    }

    /// An error in the client's own API shape.
    static func error(format: APIFormat, status: HTTPResponse.Status, message: String, code: String) -> Response {
        .json(ErrorRenderer.body(format: format, status: Int(status.code), message: message, code: code), status: status)
    }
}
