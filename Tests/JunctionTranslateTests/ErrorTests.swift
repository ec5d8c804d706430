import JunctionTranslate
import JunctionWire
import Testing

/// Each format's documented error body and in-stream error event.
@Suite struct ErrorTests {
    @Test func openAIErrorBody() {
        let body = OpenAIChatCodec().errorBody(status: 429, message: "Rate limit reached", type: nil)
        #expect(body == ["error": ["message": "Rate limit reached", "type": "rate_limit_error", "param": .null, "code": .null]])
        #expect(OpenAIChatCodec().errorBody(status: 400, message: "bad", type: nil)["error"]?["type"] == "invalid_request_error")
        #expect(OpenAIChatCodec().errorBody(status: 503, message: "down", type: nil)["error"]?["type"] == "server_error")
    }

    @Test func anthropicErrorBody() {
        let body = AnthropicCodec().errorBody(status: 529, message: "Overloaded", type: nil)
        #expect(body == ["type": "error", "error": ["type": "overloaded_error", "message": "Overloaded"]])
        #expect(AnthropicCodec().errorBody(status: 401, message: "x", type: nil)["error"]?["type"] == "authentication_error")
        #expect(AnthropicCodec().errorBody(status: 413, message: "x", type: nil)["error"]?["type"] == "request_too_large")
        #expect(AnthropicCodec().errorBody(status: 500, message: "x", type: nil)["error"]?["type"] == "api_error")
    }

    @Test func geminiErrorBody() {
        let body = GeminiCodec().errorBody(status: 429, message: "Resource has been exhausted", type: nil)
        #expect(body == ["error": ["code": 429, "message": "Resource has been exhausted", "status": "RESOURCE_EXHAUSTED"]])
        #expect(GeminiCodec().errorBody(status: 400, message: "x", type: nil)["error"]?["status"] == "INVALID_ARGUMENT")
        #expect(GeminiCodec().errorBody(status: 503, message: "x", type: nil)["error"]?["status"] == "UNAVAILABLE")
    }

    @Test func explicitTypeOverridesTheDefault() {
        #expect(AnthropicCodec().errorBody(status: 400, message: "x", type: "not_found_error")["error"]?["type"] == "not_found_error")
    }

    @Test(arguments: APIFormat.allCases)
    func errorBodiesReadBack(format: APIFormat) {
        let codec = Codecs.codec(for: format)
        let error = codec.decodeError(codec.errorBody(status: 404, message: "model not found", type: nil), status: 404)
        #expect(error?.message == "model not found")
        #expect(error?.status == 404)
        #expect(codec.decodeError(["id": "x", "choices": []], status: 200) == nil)
    }

    @Test func streamErrorEvents() throws {
        let anthropic = AnthropicCodec().streamErrorEvent(status: 529, message: "Overloaded")
        #expect(anthropic.event == "error")
        #expect(try JSONValue(parsing: anthropic.data) == ["type": "error", "error": ["type": "overloaded_error", "message": "Overloaded"]])
        let openai = OpenAIChatCodec().streamErrorEvent(status: 500, message: "boom")
        #expect(openai.event == nil)
        #expect(try JSONValue(parsing: openai.data)["error"]?["message"] == "boom")
        let responses = ResponsesCodec().streamErrorEvent(status: 429, message: "slow")
        #expect(responses.event == "error")
        #expect(try JSONValue(parsing: responses.data)["type"] == "error")
        #expect(try JSONValue(parsing: responses.data)["message"] == "slow")
        let gemini = GeminiCodec().streamErrorEvent(status: 503, message: "unavailable")
        #expect(try JSONValue(parsing: gemini.data)["error"]?["status"] == "UNAVAILABLE")
    }

    @Test func invalidRequestsThrowPresentableErrors() {
        for format in APIFormat.allCases {
            #expect(throws: TranslationError.self) { try Codecs.codec(for: format).decodeRequest("not an object") }
        }
        do {
            _ = try AnthropicCodec().decodeRequest(["model": "c", "max_tokens": 10])
            Issue.record("missing messages accepted")
        } catch let error as TranslationError {
            #expect(error.message == "missing required field 'messages'")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func malformedStreamDataIsAnError() {
        var decoder = AnthropicCodec().makeStreamDecoder()
        #expect(throws: TranslationError.self) { try decoder.decode(ServerSentEvent(event: "content_block_delta", data: "{not json")) }
    }
}
