import Foundation
import HTTPTypes
import Hummingbird
import JunctionWire
import NIOCore

extension MockProvider {
    /// Gemini's `generateContent`, `streamGenerateContent` and `countTokens` on
    /// `/v1beta/models/{model}:{action}` (and `/v1/models/…`), and the model list on `GET /v1beta/models`.
    ///
    /// Hummingbird matches a path segment whole, so one route captures `{model}:{action}` and splits it.
    func addGeminiRoutes(to router: Router<BasicRequestContext>) {
        for version in ["v1beta", "v1"] {
            router.post("/\(version)/models/{modelAction}") { request, context -> Response in
                let segment = context.parameters.get("modelAction") ?? ""
                return try await self.gemini(request, modelAction: segment.removingPercentEncoding ?? segment)
            }
        }
        router.get("/v1beta/models") { request, _ -> Response in
            if let refusal = self.geminiRefusal(Self.geminiKey(request)) { return refusal }
            return Self.json(GeminiMockResponses.modelList(self.models))
        }
    }

    /// The key from `x-goog-api-key`, else the `key` query item.
    static func geminiKey(_ request: Request) -> String? {
        request.headers[HTTPField.Name("x-goog-api-key")!] ?? request.uri.queryParameters.get("key")
    }

    static func geminiError(status: Int, message: String?, details: [JSONValue] = []) -> Response {
        json(GeminiMockResponses.errorBody(status: status, message: message, details: details), status: status)
    }

    /// Google's answers to a missing key (403) and to a key it does not know (400 `API_KEY_INVALID`).
    private func geminiRefusal(_ key: String?) -> Response? {
        guard !apiKeys.isEmpty else { return nil }
        guard let key else {
            return Self.geminiError(
                status: 403,
                message: "Method doesn't allow unregistered callers (callers without established identity). "
                    + "Please use API key or other form of API consumer identity to call this API.")
        }
        guard apiKeys.contains(key) else {
            return Self.geminiError(
                status: 400, message: "API key not valid. Please pass a valid API key.",
                details: [GeminiMockResponses.errorInfo(reason: "API_KEY_INVALID")])
        }
        return nil
    }

    private func gemini(_ request: Request, modelAction: String) async throws -> Response {
        guard let colon = modelAction.lastIndex(of: ":") else {
            return Self.geminiError(status: 404, message: "Method not found.")
        }
        let model = String(modelAction[..<colon])
        let action = String(modelAction[modelAction.index(after: colon)...])
        guard ["generateContent", "streamGenerateContent", "countTokens"].contains(action) else {
            return Self.geminiError(status: 404, message: "Method not found.")
        }
        let (bytes, parsed) = try await readBody(request)
        let key = Self.geminiKey(request)
        let stream = action == "streamGenerateContent"
        let admission = try record(request, format: .gemini, model: model, stream: stream, apiKey: key, bytes: bytes)
        let fault = admission.fault
        if let refusal = geminiRefusal(key) { return refusal }
        guard let body = parsed, case .object = body else {
            return Self.geminiError(status: 400, message: "Invalid JSON payload received.")
        }
        try await waitBeforeHead(fault)
        if let status = Self.errorStatus(fault) {
            let details = status == 429 ? fault.retryAfter.map { [GeminiMockResponses.retryInfo(seconds: $0)] } ?? [] : []
            return Self.geminiError(status: status, message: fault.message, details: details)
        }
        if action == "countTokens" {
            let tokens = GeminiMockResponses.promptTokens(body["generateContentRequest"] ?? body)
            return Self.json(["totalTokens": .int(tokens), "promptTokensDetails": [["modality": "TEXT", "tokenCount": .int(tokens)]]])
        }
        if body["contents"]?.arrayValue?.isEmpty != false {
            return Self.geminiError(status: 400, message: "* GenerateContentRequest.contents: contents is not specified\n")
        }

        if let missing = GeminiMockResponses.missingSignature(body, model: model) {
            return Self.geminiError(status: 400, message: missing)
        }
        let thinking = GeminiMockResponses.thinking(body)
        let cached = cachedPrefixTokens(
            messages: body["contents"]?.arrayValue ?? [], system: GeminiMockResponses.field(body, "systemInstruction", "system_instruction"),
            tools: body["tools"])
        var answer = MockAnswer(
            provider: name, model: model, replyWords: replyWords, promptTokens: GeminiMockResponses.promptTokens(body),
            thinking: thinking.thinks, tool: GeminiMockResponses.tool(body), cachedTokens: cached)
        let config = GeminiMockResponses.field(body, "generationConfig", "generation_config")
        answer.limit(to: GeminiMockResponses.field(config, "maxOutputTokens", "max_output_tokens")?.intValue)
        let responseID = "\(name)-\(admission.number)"
        guard stream else {
            return Self.json(GeminiMockResponses.response(answer, model: model, responseID: responseID, includeThoughts: thinking.includeThoughts))
        }
        let chunks = GeminiMockResponses.chunks(answer, model: model, responseID: responseID, includeThoughts: thinking.includeThoughts)
        let error = GeminiMockResponses.errorBody(status: 503, message: fault.message)
        if request.uri.queryParameters.get("alt") == "sse" {
            return streamedResponse(
                chunks.map { ServerSentEvent(data: $0.serializedString()).encoded() }, fault: fault, headers: Self.eventStreamHeaders,
                errorChunk: { _ in ServerSentEvent(data: error.serializedString()).encoded() })
        }
        // Without alt=sse Gemini streams one JSON array, its elements written as they come.
        var pieces = chunks.enumerated().map { index, chunk in Array(((index == 0 ? "[" : ",\r\n") + chunk.serializedString()).utf8) }
        pieces[pieces.count - 1] += Array("]".utf8)
        return streamedResponse(
            pieces, fault: fault, headers: [.contentType: "application/json; charset=UTF-8"],
            errorChunk: { index in Array(((index == 0 ? "[" : ",\r\n") + error.serializedString() + "]").utf8) })
    }
}
