import Foundation
import HTTPTypes
import Hummingbird
import JunctionWire
import NIOCore

/// Thrown inside a stream body to make the server drop the connection mid-stream.
struct MockDisconnect: Error {}

extension MockProvider {
    /// A 200 response that streams `chunks` and acts out the fault's mid-stream parts.
    ///
    /// - Parameters:
    ///   - chunks: the bytes of each stream chunk (an SSE event, or a piece of a JSON array), in order.
    ///   - errorChunk: the bytes sent instead of chunk `index` when the fault asks for an error
    ///     inside the stream; the stream ends after them.
    func streamedResponse(
        _ chunks: [[UInt8]], fault: MockFault, headers: HTTPFields, errorChunk: @escaping @Sendable (Int) -> [UInt8]
    ) -> Response {
        Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                do {
                    try await self.write(chunks, fault: fault, errorChunk: errorChunk, to: &writer)
                    try await writer.finish(nil)
                    self.streamEnded(cancelled: false)
                } catch is MockDisconnect {
                    throw MockDisconnect()
                } catch {
                    self.streamEnded(cancelled: true)
                    throw error
                }
            })
    }

    /// The SSE headers every format's stream uses.
    static let eventStreamHeaders: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]

    private func write(
        _ chunks: [[UInt8]], fault: MockFault, errorChunk: (Int) -> [UInt8], to writer: inout any ResponseBodyWriter
    ) async throws {
        for (index, bytes) in chunks.enumerated() {
            if index == fault.disconnectAfterChunks {
                // Let the chunks already written leave the socket first: a real provider that dies
                // mid-stream has sent them, and closing at once could drop them from the send queue.
                if index > 0 { try await Task.sleep(for: .milliseconds(50)) }
                throw MockDisconnect()
            }
            if index == fault.streamErrorAfterChunks {
                try await writer.write(ByteBuffer(bytes: errorChunk(index)))
                return
            }
            if index == fault.stallAfterChunks, let stall = fault.stallMs { try await Task.sleep(for: .milliseconds(stall)) }
            if index > 0, chunkDelay > .zero { try await Task.sleep(for: chunkDelay) }
            try await writer.write(ByteBuffer(bytes: bytes))
        }
    }
}

extension ServerSentEvent {
    /// An event whose `event:` name is its data's `type`, as Anthropic and OpenAI Responses send them.
    static func typed(_ data: JSONValue) -> ServerSentEvent {
        ServerSentEvent(event: data["type"]?.stringValue, data: data.serializedString())
    }
}
