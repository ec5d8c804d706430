import Foundation
import HTTPTypes
import Hummingbird
import JunctionSaver
import JunctionGateway
import JunctionWire
import NIOCore

extension Router<JunctionRequestContext> {
    /// The client-facing API: chat completions, the model list and the health check.
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

        let api = group("/v1").add(middleware: ClientKeyAuthenticator(keys: gateway.config.clientKeys))
        api.group()
            .add(middleware: RequestLogMiddleware())
            .get("/models") { _, _ -> Response in .json(gateway.modelList()) }

        api.post("/chat/completions") { request, context -> Response in
            try await forward(request, context: context, format: .openAIChat, gateway: gateway)
        }
    }
}

/// Reads the body within the upload limit and hands the request to the gateway.
private func forward(
    _ request: Request, context: JunctionRequestContext, format: APIFormat, gateway: Gateway
) async throws -> Response {
    let received = ContinuousClock.now
    let limit = JunctionRequestContext.maximumBodySize
    func tooLarge() -> Response {
        RequestLogMiddleware.log(request, status: 413, since: received, logger: context.logger, error: "body too large")
        return .json(
            OpenAIErrorBody.make(
                message: "The request body is larger than \(limit >> 20) MiB.", type: "invalid_request_error",
                code: "request_too_large"),
            status: .contentTooLarge)
    }
    if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { return tooLarge() }
    let body: ByteBuffer
    do {
        body = try await request.body.collect(upTo: limit)
    } catch is NIOTooManyBytesError {
        return tooLarge()
    }
    var saverLevel: SaverLevel?
    if let header = request.headers[HTTPField.Name("x-junction-saver")!] {
        guard let level = SaverLevel(rawValue: header.trimmingCharacters(in: .whitespaces).lowercased()) else {
            RequestLogMiddleware.log(request, status: 400, since: received, logger: context.logger, error: "bad x-junction-saver")
            return .json(
                OpenAIErrorBody.make(
                    message: "x-junction-saver must be off, safe or aggressive.", type: "invalid_request_error",
                    code: "invalid_saver_level"),
                status: .badRequest)
        }
        saverLevel = level
    }
    let clientRequest = ClientRequest(
        format: format, method: request.method.rawValue, path: request.uri.path, body: Array(body.readableBytesView),
        clientKeyName: context.clientKeyName, receivedAt: received, saverLevel: saverLevel)
    return await gateway.handle(clientRequest).hummingbirdResponse
}

extension Response {
    /// A JSON response with OpenAI's content type.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: value.serialized())))
    }
}
