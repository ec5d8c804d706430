import Foundation
import HTTPTypes
import Hummingbird
import JunctionWire
import NIOCore
import Synchronization

extension MockProvider {
    /// `POST /v1/responses` and `GET /v1/responses/{id}`, OpenAI's Responses API.
    func addResponsesRoutes(to router: Router<BasicRequestContext>) {
        router.post("/v1/responses") { request, _ -> Response in
            try await self.createResponse(request)
        }
        router.get("/v1/responses/{id}") { request, context -> Response in
            guard self.accepts(Self.bearer(request)) else { return Self.openAIError(status: 401, message: nil) }
            let id = context.parameters.get("id") ?? ""
            guard let stored = self.storedResponse(id) else {
                return Self.openAIError(status: 404, message: "Response with id '\(id)' not found.", code: nil)
            }
            return Self.json(stored.response)
        }
    }

    /// A stored answer, by id.
    func storedResponse(_ id: String) -> StoredResponse? {
        state.withLock { $0.storedResponses[id] }
    }

    private func createResponse(_ request: Request) async throws -> Response {
        let (bytes, parsed) = try await readBody(request)
        let presentedKey = Self.bearer(request)
        guard let body = parsed, let model = body["model"]?.stringValue else {
            return Self.openAIError(status: 400, message: "We could not parse the JSON body of your request.")
        }
        let stream = body["stream"]?.boolValue == true
        let admission = try record(request, format: .openAIResponses, model: model, stream: stream, apiKey: presentedKey, bytes: bytes)
        let fault = admission.fault
        guard accepts(presentedKey) else { return Self.openAIError(status: 401, message: nil) }

        var previousTokens = 0
        if let previousID = body["previous_response_id"]?.stringValue {
            guard let previous = storedResponse(previousID) else {
                return Self.openAIError(
                    status: 400, message: "Previous response with id '\(previousID)' not found.", code: "previous_response_not_found",
                    param: "previous_response_id")
            }
            previousTokens = previous.contextTokens
        }
        try await waitBeforeHead(fault)
        if let status = Self.errorStatus(fault) {
            return Self.openAIError(status: status, message: fault.message, retryAfter: fault.retryAfter)
        }

        let ids = ResponsesMockResponses.IDs(provider: name, number: admission.number)
        let created = Int(Date().timeIntervalSince1970)
        let items = ResponsesMockResponses.inputItems(body)
        let cached = cachedPrefixTokens(messages: items, system: body["instructions"], tools: body["tools"])
        var answer = MockAnswer(
            provider: name, model: model, replyWords: replyWords,
            promptTokens: previousTokens + ResponsesMockResponses.promptTokens(body),
            thinking: ResponsesMockResponses.reasoningEnabled(body), tool: ResponsesMockResponses.tool(body),
            cachedTokens: previousTokens >= Self.minimumCachedPrefix ? previousTokens + cached : cached)
        answer.limit(to: body["max_output_tokens"]?.intValue)
        let output = ResponsesMockResponses.output(answer, ids: ids, body: body)
        let done = ResponsesMockResponses.response(
            ids: ids, model: model, created: created, body: body, status: ResponsesMockResponses.status(answer), output: output,
            usage: ResponsesMockResponses.usage(answer), truncated: answer.truncated)
        if body["store"]?.boolValue != false {
            let context = answer.promptTokens + answer.visibleTokens
            state.withLock { $0.storedResponses[ids.response] = StoredResponse(response: done, contextTokens: context) }
        }
        guard stream else { return Self.json(done) }
        let events = ResponsesMockStream.events(answer, ids: ids, model: model, created: created, body: body)
        let message = fault.message
        return streamedResponse(
            events.map { $0.encoded() }, fault: fault, headers: Self.eventStreamHeaders,
            errorChunk: { index in
                ResponsesMockStream.failedEvent(ids: ids, model: model, created: created, body: body, message: message, sequenceNumber: index)
                    .encoded()
            })
    }
}
