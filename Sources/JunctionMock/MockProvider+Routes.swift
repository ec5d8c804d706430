import Foundation
import HTTPTypes
import Hummingbird
import JunctionWire
import NIOCore

extension MockProvider {
    /// The mock's HTTP routes, for all four formats.
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/v1/models") { request, _ -> Response in
            if request.headers[HTTPField.Name("anthropic-version")!] != nil { return self.anthropicModels(request) }
            let data: [JSONValue] = self.models.map { ["id": .string($0), "object": "model", "created": 1_686_935_002, "owned_by": "system"] }
            return Self.json(["object": "list", "data": .array(data)])
        }
        router.post("/v1/chat/completions") { request, _ -> Response in
            try await self.chatCompletions(request)
        }
        addAnthropicRoutes(to: router)
        addResponsesRoutes(to: router)
        addGeminiRoutes(to: router)
        return router
    }

    /// The bearer token of a request, as OpenAI reads it.
    static func bearer(_ request: Request) -> String? {
        request.headers[.authorization].map { $0.replacingOccurrences(of: "Bearer ", with: "") }
    }

    /// An OpenAI error response (Chat Completions and Responses), with `retry-after` and
    /// `x-ratelimit-*` headers on a rate limit.
    static func openAIError(status: Int, message: String?, retryAfter: Int? = nil, code: String? = nil, param: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json", HTTPField.Name("x-request-id")!: "req_mock"]
        if let retryAfter {
            headers[HTTPField.Name("retry-after")!] = String(retryAfter)
            headers[HTTPField.Name("x-ratelimit-limit-requests")!] = "500"
            headers[HTTPField.Name("x-ratelimit-remaining-requests")!] = "0"
            headers[HTTPField.Name("x-ratelimit-reset-requests")!] = "\(retryAfter)s"
        }
        return json(OpenAIMockResponses.errorBody(status: status, message: message, code: code, param: param), status: status, headers: headers)
    }

    private func chatCompletions(_ request: Request) async throws -> Response {
        let (bytes, parsed) = try await readBody(request)
        let presentedKey = Self.bearer(request)
        guard let body = parsed, let model = body["model"]?.stringValue else {
            return Self.json(OpenAIMockResponses.errorBody(status: 400, message: "We could not parse the JSON body of your request."), status: 400)
        }
        let stream = body["stream"]?.boolValue == true
        let includeUsage = body["stream_options"]?["include_usage"]?.boolValue == true
        let admission = try record(
            request, format: .openAIChat, model: model, stream: stream, includeUsage: includeUsage, apiKey: presentedKey, bytes: bytes)
        let fault = admission.fault

        guard accepts(presentedKey) else { return Self.json(OpenAIMockResponses.errorBody(status: 401, message: nil), status: 401) }
        try await waitBeforeHead(fault)
        if let status = Self.errorStatus(fault) {
            return Self.openAIError(status: status, message: fault.message, retryAfter: fault.retryAfter)
        }

        let id = "chatcmpl-\(name)-\(admission.number)"
        let created = Int(Date().timeIntervalSince1970)
        let messages = body["messages"]?.arrayValue ?? []
        let cached = cachedPrefixTokens(messages: messages, tools: body["tools"])
        let answer = OpenAIMockResponses.answer(body, provider: name, model: model, replyWords: replyWords, cachedTokens: cached)
        guard stream else {
            return Self.json(OpenAIMockResponses.completion(id: id, model: model, created: created, answer: answer))
        }
        let events = OpenAIMockResponses.streamEvents(id: id, model: model, created: created, answer: answer, includeUsage: includeUsage)
        let message = fault.message ?? "The model produced an error mid-stream."
        return streamedResponse(
            events.map { ServerSentEvent(data: $0).encoded() }, fault: fault, headers: Self.eventStreamHeaders,
            errorChunk: { _ in ServerSentEvent(data: OpenAIMockResponses.errorBody(status: 500, message: message).serializedString()).encoded() })
    }
}
