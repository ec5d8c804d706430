import JunctionTranslate
import JunctionWire
import Testing

/// Every provider stream, transcoded into every client format, is a valid stream of that format with the same content.
@Suite struct StreamTests {
    static let finishWord: [APIFormat: String] = [.anthropic: "tool_use", .openAIChat: "tool_calls", .openAIResponses: "completed", .gemini: "STOP"]

    @Test(arguments: allPairs)
    func fullStreamTranscodes(provider: APIFormat, client: APIFormat) throws {
        let (events, canonical) = try transcode(Fixture.stream(provider), from: provider, to: client)
        #expect(canonical.first.map { if case .start = $0 { true } else { false } } == true)
        #expect(canonical.last == .end)
        let summary = try validate(events, as: client)
        #expect(summary.error == nil)
        #expect(summary.text == "Let me check both cities.")
        #expect(summary.thinking == "I need the weather for both cities.")
        #expect(summary.toolCalls.map(\.name) == ["get_weather", "get_weather"])
        #expect(summary.toolCalls.map { parsed($0.arguments)?["location"] } == ["Paris, France", "Tokyo, Japan"])
        #expect(Set(summary.toolCalls.map(\.id)).count == 2 || client == .gemini)
        #expect(summary.finish == Self.finishWord[client])
        let usage = try #require(summary.usage)
        #expect(usage.inputTokens == 2420)
        #expect(usage.outputTokens == 95)
        #expect(usage.cachedInputTokens == 2000)
        if provider != .anthropic, client != .anthropic { #expect(usage.reasoningTokens == 40) }
    }

    @Test func anthropicSignatureStreamsVerbatimToAnthropicClients() throws {
        let (events, _) = try transcode(Fixture.stream(.anthropic), from: .anthropic, to: .anthropic)
        let summary = try validate(events, as: .anthropic)
        #expect(summary.signatures == [ThinkingTests.anthropicSignature])
        #expect(summary.toolCalls.map(\.id) == ["toolu_01A09q90qw90lq917835lq9", "toolu_01B19q90qw90lq917835lq8"])
    }

    @Test func anthropicSignatureIsWrappedForResponsesClientsAndUnwrappedOnReturn() throws {
        let (events, _) = try transcode(Fixture.stream(.anthropic), from: .anthropic, to: .openAIResponses)
        let summary = try validate(events, as: .openAIResponses)
        let wrapped = try #require(summary.signatures.first)
        #expect(wrapped != ThinkingTests.anthropicSignature)
        #expect(SignatureCarrier.unwrap(wrapped, from: .openAIResponses) == (ThinkingTests.anthropicSignature, .anthropic))
    }

    @Test(arguments: [APIFormat.openAIChat, .anthropic, .openAIResponses])
    func geminiCallSignatureRidesInStreamedToolIDs(client: APIFormat) throws {
        let (events, _) = try transcode(Fixture.stream(.gemini), from: .gemini, to: client)
        let summary = try validate(events, as: client)
        #expect(SignatureCarrier.split(summary.toolCalls[0].id).signature == ThinkingTests.geminiSignature)
        #expect(SignatureCarrier.split(summary.toolCalls[1].id).signature == nil)
    }

    @Test func geminiClientGetsTheThoughtSignatureOnItsFunctionCall() throws {
        let (events, _) = try transcode(Fixture.stream(.gemini), from: .gemini, to: .gemini)
        #expect(try validate(events, as: .gemini).signatures == [ThinkingTests.geminiSignature])
    }

    @Test(arguments: [APIFormat.openAIChat, .anthropic, .openAIResponses, .gemini])
    func argumentsSplitAcrossManyPiecesAreReassembled(client: APIFormat) throws {
        let arguments = #"{"query":"weather in Zürich, \"today\"","days":[1,2,3]}"#
        var events: [ServerSentEvent] = [ServerSentEvent(data: #"{"id":"c1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_z","type":"function","function":{"name":"search","arguments":""}}]},"finish_reason":null}]}"#)]
        for character in arguments {
            let piece = JSONValue.string(String(character)).serializedString()
            events.append(ServerSentEvent(data: #"{"id":"c1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"# + piece + #"}}]},"finish_reason":null}]}"#))
        }
        events.append(ServerSentEvent(data: #"{"id":"c1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}"#))
        events.append(ServerSentEvent(data: "[DONE]"))
        let (output, _) = try transcode(events, from: .openAIChat, to: client)
        let summary = try validate(output, as: client)
        #expect(parsed(summary.toolCalls.first?.arguments ?? "") == parsed(arguments))
    }

    @Test(arguments: APIFormat.allCases)
    func truncatedStreamEndsWithAnErrorNotASuccess(client: APIFormat) throws {
        let events = try Fixture.stream(.anthropic).filter { $0.event != "message_stop" && $0.event != "message_delta" }
        let (output, canonical) = try transcode(events, from: .anthropic, to: client)
        #expect(canonical.last.map { if case .error = $0 { true } else { false } } == true)
        let summary = try validate(output, as: client)
        #expect(summary.error?.contains("ended before") == true)
    }

    @Test(arguments: APIFormat.allCases)
    func providerErrorEventBecomesTheClientsErrorEvent(client: APIFormat) throws {
        let events = [
            ServerSentEvent(event: "message_start", data: #"{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"c","content":[],"usage":{"input_tokens":5,"output_tokens":1}}}"#),
            ServerSentEvent(event: "error", data: #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#),
        ]
        let (output, canonical) = try transcode(events, from: .anthropic, to: client)
        #expect(canonical.last == .error(CanonicalError(status: 529, message: "Overloaded", type: "overloaded_error")))
        let summary = try validate(output, as: client)
        #expect(summary.error == "Overloaded")
    }

    @Test(arguments: APIFormat.allCases)
    func decodersReadEachProvidersStreamErrors(provider: APIFormat) throws {
        let codec = Codecs.codec(for: provider)
        var decoder = codec.makeStreamDecoder()
        let events = try decoder.decode(codec.streamErrorEvent(status: 429, message: "slow down"))
        guard case .error(let error)? = events.last else {
            Issue.record("no error event from \(events)")
            return
        }
        #expect(error.message == "slow down")
    }
}

/// Stream details that depend on what the client asked for.
@Suite struct StreamOptionsTests {
    @Test func openAIUsageChunkOnlyWhenAsked() throws {
        var fixture = try Fixture.request(.openAIChat)
        fixture["stream"] = true
        let silent = try OpenAIChatCodec().decodeRequest(fixture)
        fixture["stream_options"] = ["include_usage": true]
        let asking = try OpenAIChatCodec().decodeRequest(fixture)
        for (request, expected) in [(silent, false), (asking, true)] {
            var transcoder = StreamTranscoder(from: .anthropic, to: .openAIChat, model: "m", request: request)
            var events: [ServerSentEvent] = []
            for event in try Fixture.stream(.anthropic) { events += try transcoder.transcode(event).client }
            events += transcoder.finish().client
            #expect(events.contains { $0.data.contains("\"usage\"") } == expected)
            #expect(events.last?.data == "[DONE]")
        }
    }

    @Test func contentEventsMarkTheCommitPoint() throws {
        let (_, canonical) = try transcode(Fixture.stream(.openAIChat), from: .openAIChat, to: .anthropic)
        let first = try #require(canonical.firstIndex { $0.isContent })
        #expect(first == 1)
        #expect(canonical[0].isContent == false)
        #expect(CanonicalStreamEvent.usage(CanonicalUsage()).isContent == false)
    }
}

/// Redacted thinking in a stream reaches Anthropic clients untouched and others not at all.
@Suite struct RedactedStreamTests {
    static let events = [
        ServerSentEvent(event: "message_start", data: #"{"type":"message_start","message":{"id":"msg_r","type":"message","role":"assistant","model":"c","content":[],"usage":{"input_tokens":9,"output_tokens":1}}}"#),
        ServerSentEvent(event: "content_block_start", data: #"{"type":"content_block_start","index":0,"content_block":{"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix"}}"#),
        ServerSentEvent(event: "content_block_stop", data: #"{"type":"content_block_stop","index":0}"#),
        ServerSentEvent(event: "content_block_start", data: #"{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}"#),
        ServerSentEvent(event: "content_block_delta", data: #"{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Done."}}"#),
        ServerSentEvent(event: "content_block_stop", data: #"{"type":"content_block_stop","index":1}"#),
        ServerSentEvent(event: "message_delta", data: #"{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":7}}"#),
        ServerSentEvent(event: "message_stop", data: #"{"type":"message_stop"}"#),
    ]

    @Test(arguments: APIFormat.allCases)
    func redactedThinking(client: APIFormat) throws {
        let (output, _) = try transcode(Self.events, from: .anthropic, to: client)
        let summary = try validate(output, as: client)
        #expect(summary.text == "Done.")
        let text = output.map(\.data).joined()
        #expect(text.contains("EmwKAhgBEgy3va3pzix") == (client == .anthropic))
    }
}
