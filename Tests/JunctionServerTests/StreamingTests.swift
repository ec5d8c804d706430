import Foundation
import JunctionStore
import JunctionGateway
import NIOHTTP1
import JunctionServer
import AsyncHTTPClient
import JunctionMock
import JunctionWire
import NIOCore
import Testing

@Suite("Streaming: incremental, cancellable, drained on shutdown")
struct StreamingTests {
    func openStream(_ harness: Harness, model: String = "p1/gpt-4o") async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(harness.port)/v1/chat/completions")
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: Harness.chat(model: model, stream: true)))
        return try await harness.client.execute(request, timeout: .seconds(30))
    }

    @Test func chunksReachTheClientBeforeTheUpstreamHasFinished() async throws {
        let mock = MockProvider(name: "slow")
        mock.enqueue(MockFault(stallMs: 4000, stallAfterChunks: 4))
        let harness = try await Harness.start(mock)
        defer { Task { await harness.stop() } }
        let response = try await openStream(harness)
        var decoder = ServerSentEventDecoder()
        var text = ""
        for try await chunk in response.body {
            text += try decoder.feed(chunk.readableBytesView).map(\.deltaText).joined()
            if text == "Hello from slow" { break }
        }
        #expect(text == "Hello from slow")
        #expect(mock.completedStreams == 0, "the client has the first words while the upstream is still stalled")
    }

    @Test func aClientThatDisconnectsCancelsTheUpstreamRequest() async throws {
        let mock = MockProvider(name: "long", chunkDelay: .milliseconds(50), replyWords: 200)
        let harness = try await Harness.start(mock)
        defer { Task { await harness.stop() } }
        do {
            let response = try await openStream(harness)
            var iterator = response.body.makeAsyncIterator()
            _ = try await iterator.next()
            _ = try await iterator.next()
            // Dropping the iterator closes the client's connection.
        }
        let cancelled = await eventually(within: 8) { mock.cancelledStreams == 1 }
        #expect(cancelled, "the mock saw its stream cut off long before its 10 s of words")
        #expect(mock.completedStreams == 0)
        let recorded = try await eventually(within: 8) { try await harness.usageRecords().first?.status == 499 }
        #expect(recorded)
    }

    @Test func aGracefulShutdownLetsAStreamInFlightFinish() async throws {
        let mock = MockProvider(name: "steady", chunkDelay: .milliseconds(40), replyWords: 25)
        let harness = try await Harness.start(mock)
        let response = try await openStream(harness)
        var decoder = ServerSentEventDecoder()
        var events: [ServerSentEvent] = []
        var shutdown: Task<Void, Never>?
        for try await chunk in response.body {
            events += try decoder.feed(chunk.readableBytesView)
            if shutdown == nil, events.count >= 2 {
                shutdown = Task { await harness.triggerShutdown() }
            }
        }
        await shutdown?.value
        #expect(events.last?.data == "[DONE]")
        #expect(events.map(\.deltaText).joined().hasSuffix("tokens)"))
        _ = try? await harness.serverTask.value
        let records = try await harness.runtime.store.usageRecords(since: .distantPast)
        #expect(records.count == 1, "the ledger wrote the stream's row before stopping")
        #expect(records.first?.status == 200)
        await harness.stop()
    }
}
