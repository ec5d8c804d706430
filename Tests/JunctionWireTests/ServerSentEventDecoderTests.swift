import JunctionWire
import Testing

struct ServerSentEventDecoderTests {
    @Test func eventsSplitAcrossChunksAndLineEndingsAreDecoded() throws {
        let wire = "event: ping\r\ndata: {\"a\":\r\n: comment\rdata:1}\n\ndata: second\n\n"
        var decoder = ServerSentEventDecoder()
        var events: [ServerSentEvent] = []
        for byte in wire.utf8 { events += try decoder.feed([byte]) }
        #expect(events == [ServerSentEvent(event: "ping", data: "{\"a\":\n1}"), ServerSentEvent(data: "second")])
    }

    @Test func anEventWithoutItsBlankLineIsReturnedAtTheEnd() throws {
        var decoder = ServerSentEventDecoder()
        #expect(try decoder.feed(Array("data: [DONE]".utf8)).isEmpty)
        #expect(decoder.finish() == ServerSentEvent(data: "[DONE]"))
    }

    @Test func anEndlessLineIsRefused() {
        var decoder = ServerSentEventDecoder(maximumLineLength: 16)
        #expect(throws: ServerSentEventError.self) { try decoder.feed(Array(repeating: UInt8(ascii: "x"), count: 17)) }
    }

    @Test func encodingRoundTrips() throws {
        let event = ServerSentEvent(event: "message_start", data: "line1\nline2")
        var decoder = ServerSentEventDecoder()
        #expect(try decoder.feed(event.encoded()) == [event])
    }
}
