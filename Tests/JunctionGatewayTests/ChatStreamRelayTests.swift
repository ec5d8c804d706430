@testable import JunctionGateway
import JunctionWire
import NIOCore
import Testing

@Suite("Stream holdback and relay")
struct ChatStreamRelayTests {
    func chunk(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    @Test func roleOnlyChunksAreHeldUntilContent() throws {
        var relay = ChatStreamRelay(clientWantsUsage: false)
        var held = ByteBuffer()
        let role = #"data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}"# + "\n\n"
        #expect(try relay.holdBack(chunk(role), into: &held) == .needMore)
        let content = #"data: {"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}"# + "\n\n"
        #expect(try relay.holdBack(chunk(content), into: &held) == .content)
        #expect(String(buffer: held) == role + content)
    }

    @Test func anErrorOrEmptyDoneBeforeContentFailsTheAttempt() throws {
        var relay = ChatStreamRelay(clientWantsUsage: false)
        var held = ByteBuffer()
        let error = #"data: {"error":{"message":"overloaded","type":"server_error"}}"# + "\n\n"
        let body = try JSONValue(parsing: #"{"error":{"message":"overloaded","type":"server_error"}}"#)
        #expect(try relay.holdBack(chunk(error), into: &held) == .error(StreamFailure(status: 502, message: "overloaded", body: body)))
        var other = ChatStreamRelay(clientWantsUsage: false)
        #expect(try other.holdBack(chunk("data: [DONE]\n\n"), into: &held) == .emptyDone)
    }

    @Test func theUsageChunkIsReadAndStrippedUnlessAskedFor() throws {
        let usage = #"data: {"choices":[],"usage":{"prompt_tokens":7,"completion_tokens":3,"prompt_tokens_details":{"cached_tokens":2}}}"# + "\n\n"
        var stripping = ChatStreamRelay(clientWantsUsage: false)
        #expect(try stripping.relay(chunk(usage + "data: [DONE]\n\n")) == chunk("data: [DONE]\n\n"))
        #expect(stripping.usage == TokenUsage(inputTokens: 7, outputTokens: 3, cachedInputTokens: 2))
        var keeping = ChatStreamRelay(clientWantsUsage: true)
        #expect(try keeping.relay(chunk(usage)) == chunk(usage))
    }

    @Test func eventsSplitAcrossChunksAreReassembled() throws {
        var relay = ChatStreamRelay(clientWantsUsage: false)
        let event = #"data: {"choices":[{"index":0,"delta":{"content":"split"}}]}"# + "\n\n"
        let cut = event.index(event.startIndex, offsetBy: 17)
        #expect(try relay.relay(chunk(String(event[..<cut]))).readableBytes == 0)
        #expect(try relay.relay(chunk(String(event[cut...]))) == chunk(event))
    }
}
