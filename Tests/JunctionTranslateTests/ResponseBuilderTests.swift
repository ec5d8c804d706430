import JunctionTranslate
import JunctionWire
import Testing

/// Streams folded into whole answers, and whole answers replayed as streams.
@Suite struct ResponseBuilderTests {
    @Test(arguments: APIFormat.allCases)
    func streamFoldsIntoTheSameAnswerAsTheWholeResponse(provider: APIFormat) throws {
        var decoder = Codecs.codec(for: provider).makeStreamDecoder()
        var builder = CanonicalResponseBuilder()
        for event in try Fixture.stream(provider) { for item in try decoder.decode(event) { builder.apply(item) } }
        for item in decoder.finish() { builder.apply(item) }
        #expect(builder.isComplete)
        #expect(builder.error == nil)
        let streamed = builder.response
        let whole = try Codecs.codec(for: provider).decodeResponse(Fixture.response(provider))
        #expect(streamed.finishReason == whole.finishReason)
        #expect(streamed.usage == whole.usage)
        #expect(streamed.parts.compactMap(\.text) == whole.parts.compactMap(\.text))
        #expect(streamed.toolCalls.map { parsed($0.argumentsJSON) } == whole.toolCalls.map { parsed($0.argumentsJSON) })
        if provider == .anthropic {
            #expect(streamed.parts.first == whole.parts.first)
        }
    }

    @Test(arguments: APIFormat.allCases)
    func wholeAnswerReplaysAsAValidClientStream(client: APIFormat) throws {
        let answer = try AnthropicCodec().decodeResponse(Fixture.response(.anthropic))
        var encoder = Codecs.codec(for: client).makeStreamEncoder(model: "m")
        var events: [ServerSentEvent] = []
        for item in answer.streamEvents { events += encoder.encode(item) }
        events += encoder.finish()
        let summary = try validate(events, as: client)
        #expect(summary.text == "Let me check both cities.")
        #expect(summary.toolCalls.count == 2)
        #expect(summary.usage?.inputTokens == 2420)
    }
}
