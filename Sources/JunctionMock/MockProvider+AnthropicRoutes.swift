import Foundation
import HTTPTypes
import Hummingbird
import JunctionWire
import NIOCore

extension MockProvider {
    /// `POST /v1/messages` and `POST /v1/messages/count_tokens`, Anthropic's Messages API.
    func addAnthropicRoutes(to router: Router<BasicRequestContext>) {
        router.post("/v1/messages") { request, _ -> Response in
            try await self.anthropicMessages(request)
        }
        router.post("/v1/messages/count_tokens") { request, _ -> Response in
            try await self.anthropicCountTokens(request)
        }
    }

    /// Anthropic's model list, for `GET /v1/models` with an `anthropic-version` header.
    func anthropicModels(_ request: Request) -> Response {
        if let refusal = anthropicRefusal(request) { return refusal }
        return anthropicJSON(AnthropicMockResponses.modelList(models))
    }

    /// An Anthropic error response, with `retry-after` and exhausted `anthropic-ratelimit-*` headers on a 429.
    func anthropicError(status: Int, message: String?, retryAfter: Int? = nil) -> Response {
        let requestID = "req_\(name)_\(requestNumber)"
        var headers: [(String, String)] = [("content-type", "application/json"), ("request-id", requestID)]
        if status == 429 {
            headers += AnthropicMockResponses.rateLimitHeaders(limited: true, resetSeconds: retryAfter ?? 60)
            if let retryAfter { headers.append(("retry-after", String(retryAfter))) }
        } else if let retryAfter {
            headers.append(("retry-after", String(retryAfter)))
        }
        let body = AnthropicMockResponses.errorBody(status: status, message: message, requestID: requestID)
        return Self.json(body, status: status, headers: Self.fields(headers))
    }

    private func anthropicJSON(_ value: JSONValue) -> Response {
        Self.json(value, headers: Self.fields(anthropicHeaders(contentType: "application/json")))
    }

    private func anthropicHeaders(contentType: String) -> [(String, String)] {
        [("content-type", contentType), ("request-id", "req_\(name)_\(requestNumber)")]
            + AnthropicMockResponses.rateLimitHeaders(limited: false, resetSeconds: 60)
    }

    /// The key check (`x-api-key`) and the required `anthropic-version` header.
    private func anthropicRefusal(_ request: Request) -> Response? {
        let key = request.headers[HTTPField.Name("x-api-key")!]
        if !apiKeys.isEmpty {
            guard let key else { return anthropicError(status: 401, message: "x-api-key header is required") }
            guard apiKeys.contains(key) else { return anthropicError(status: 401, message: "invalid x-api-key") }
        }
        if request.headers[HTTPField.Name("anthropic-version")!] == nil {
            return anthropicError(status: 400, message: "anthropic-version: header is required")
        }
        return nil
    }

    /// Reads, records and vets a Messages request: the body, the fault to act out, or the error to send.
    private func anthropicIntake(_ request: Request, stream: (JSONValue) -> Bool) async throws -> Result<MockIntake, ResponseError> {
        let (bytes, parsed) = try await readBody(request)
        guard let body = parsed, case .object = body else {
            return .failure(ResponseError(anthropicError(status: 400, message: "The request body is not valid JSON.")))
        }
        let model = body["model"]?.stringValue ?? ""
        let admission = try record(
            request, format: .anthropic, model: model, stream: stream(body),
            apiKey: request.headers[HTTPField.Name("x-api-key")!], bytes: bytes)
        let fault = admission.fault
        if let refusal = anthropicRefusal(request) { return .failure(ResponseError(refusal)) }
        if model.isEmpty { return .failure(ResponseError(anthropicError(status: 400, message: "model: Field required"))) }
        if body["messages"]?.arrayValue == nil {
            return .failure(ResponseError(anthropicError(status: 400, message: "messages: Field required")))
        }
        try await waitBeforeHead(fault)
        if let status = Self.errorStatus(fault) {
            return .failure(ResponseError(anthropicError(status: status, message: fault.message, retryAfter: fault.retryAfter)))
        }
        return .success(MockIntake(bytes: bytes, body: body, fault: fault, number: admission.number))
    }

    private func anthropicCountTokens(_ request: Request) async throws -> Response {
        switch try await anthropicIntake(request, stream: { _ in false }) {
        case .failure(let error): return error.response
        case .success(let intake): return anthropicJSON(["input_tokens": .int(AnthropicMockResponses.promptTokens(intake.body))])
        }
    }

    private func anthropicMessages(_ request: Request) async throws -> Response {
        let intake: MockIntake
        switch try await anthropicIntake(request, stream: { $0["stream"]?.boolValue == true }) {
        case .failure(let error): return error.response
        case .success(let value): intake = value
        }
        let body = intake.body
        if body["max_tokens"]?.intValue == nil { return anthropicError(status: 400, message: "max_tokens: Field required") }
        if let invalid = AnthropicMockResponses.invalidThinking(body) ?? AnthropicMockResponses.invalidSignature(body) {
            return anthropicError(status: 400, message: invalid)
        }

        let model = body["model"]?.stringValue ?? ""
        let number = intake.number
        let id = "msg_\(name)_\(number)"
        let toolID = "toolu_\(name)_\(number)"
        let cache = anthropicCacheUse(body)
        var answer = MockAnswer(
            provider: name, model: model, replyWords: replyWords, promptTokens: AnthropicMockResponses.promptTokens(body),
            thinking: AnthropicMockResponses.thinkingEnabled(body), tool: AnthropicMockResponses.tool(body))
        answer.limit(to: body["max_tokens"]?.intValue)
        guard body["stream"]?.boolValue == true else {
            return anthropicJSON(AnthropicMockResponses.message(id: id, model: model, answer: answer, cache: cache, toolID: toolID))
        }
        let events = AnthropicMockStream.events(id: id, model: model, answer: answer, cache: cache, toolID: toolID)
        let message = intake.fault.message
        return streamedResponse(
            events.map { $0.encoded() }, fault: intake.fault,
            headers: Self.fields(anthropicHeaders(contentType: "text/event-stream; charset=utf-8") + [("cache-control", "no-cache")]),
            errorChunk: { _ in AnthropicMockStream.errorEvent(message: message).encoded() })
    }

    /// Prompt caching as Anthropic bills it: only with a `cache_control` mark in the request.
    private func anthropicCacheUse(_ body: JSONValue) -> AnthropicMockResponses.CacheUse {
        guard body.serializedString().contains("\"cache_control\"") else { return .init() }
        let messages = body["messages"]?.arrayValue ?? []
        let read = cachedPrefixTokens(messages: messages, system: body["system"], tools: body["tools"])
        let prefix = MockTokens.prompt(messages: Array(messages.dropLast()), system: body["system"])
        let creation = prefix >= Self.minimumCachedPrefix ? max(0, prefix - read) : 0
        return .init(read: read, creation: creation)
    }
}

/// An error response carried through a `Result`.
struct ResponseError: Error {
    var response: Response
    init(_ response: Response) { self.response = response }
}
