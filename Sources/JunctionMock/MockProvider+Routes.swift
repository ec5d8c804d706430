import Foundation
import HTTPTypes
import Hummingbird
import JunctionWire
import NIOCore

/// Thrown inside a stream body to make the server drop the connection mid-stream.
struct MockDisconnect: Error {}

extension MockProvider {
    /// The mock's HTTP routes.
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/v1/models") { _, _ -> Response in
            let data: [JSONValue] = self.models.map { ["id": .string($0), "object": "model", "created": 1_686_935_002, "owned_by": "system"] }
            return Self.json(["object": "list", "data": .array(data)])
        }
        router.post("/v1/chat/completions") { request, _ -> Response in
            try await self.chatCompletions(request)
        }
        return router
    }

    private func chatCompletions(_ request: Request) async throws -> Response {
        let bytes = try await request.body.collect(upTo: 64 << 20)
        let presentedKey = request.headers[.authorization].map { $0.replacingOccurrences(of: "Bearer ", with: "") }
        guard let body = try? JSONValue(parsing: bytes.readableBytesView), let model = body["model"]?.stringValue else {
            return Self.json(OpenAIMockResponses.errorBody(status: 400, message: "We could not parse the JSON body of your request."), status: 400)
        }
        let stream = body["stream"]?.boolValue == true
        let includeUsage = body["stream_options"]?["include_usage"]?.boolValue == true
        let headerFault = try request.headers[HTTPField.Name("x-mock-fault")!].map { try MockFault(parsing: $0) }
        let fault = admit(
            ReceivedRequest(model: model, stream: stream, includeUsage: includeUsage, apiKey: presentedKey, body: String(buffer: bytes)),
            headerFault: headerFault) ?? MockFault()

        if !apiKeys.isEmpty, !apiKeys.contains(presentedKey ?? "") {
            return Self.json(OpenAIMockResponses.errorBody(status: 401, message: nil), status: 401)
        }
        if fault.latencyMs > 0 { try await Task.sleep(for: .milliseconds(fault.latencyMs)) }
        if fault.stallsBeforeHead, let stall = fault.stallMs { try await Task.sleep(for: .milliseconds(stall)) }
        if let status = fault.status, status >= 400 {
            var headers: HTTPFields = [.contentType: "application/json", HTTPField.Name("x-request-id")!: "req_mock"]
            if let retryAfter = fault.retryAfter {
                headers[HTTPField.Name("retry-after")!] = String(retryAfter)
                headers[HTTPField.Name("x-ratelimit-remaining-requests")!] = "0"
                headers[HTTPField.Name("x-ratelimit-reset-requests")!] = "\(retryAfter)s"
            }
            return Self.json(OpenAIMockResponses.errorBody(status: status, message: fault.message), status: status, headers: headers)
        }

        let id = "chatcmpl-\(name)-\(receivedRequests.count)"
        let created = Int(Date().timeIntervalSince1970)
        let prompt = OpenAIMockResponses.promptTokens(body)
        let words = OpenAIMockResponses.reply(provider: name, model: model, promptTokens: prompt, words: replyWords)
        guard stream else {
            return Self.json(OpenAIMockResponses.completion(id: id, model: model, created: created, words: words, prompt: prompt))
        }
        let events = OpenAIMockResponses.streamEvents(
            id: id, model: model, created: created, words: words, prompt: prompt, includeUsage: includeUsage)
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                do {
                    try await self.writeStream(events, fault: fault, to: &writer)
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

    private func writeStream(_ events: [String], fault: MockFault, to writer: inout any ResponseBodyWriter) async throws {
        for (index, data) in events.enumerated() {
            if index == fault.disconnectAfterChunks {
                // Let the chunks already written leave the socket first: a real provider that dies
                // mid-stream has sent them, and closing at once could drop them from the send queue.
                if index > 0 { try await Task.sleep(for: .milliseconds(50)) }
                throw MockDisconnect()
            }
            if index == fault.streamErrorAfterChunks {
                let error = OpenAIMockResponses.errorBody(status: 500, message: fault.message ?? "The model produced an error mid-stream.")
                try await writer.write(ByteBuffer(bytes: ServerSentEvent(data: error.serializedString()).encoded()))
                return
            }
            if index == fault.stallAfterChunks, let stall = fault.stallMs { try await Task.sleep(for: .milliseconds(stall)) }
            if index > 0, chunkDelay > .zero { try await Task.sleep(for: chunkDelay) }
            try await writer.write(ByteBuffer(bytes: ServerSentEvent(data: data).encoded()))
        }
    }

    static func json(_ value: JSONValue, status: Int = 200, headers: HTTPFields = [.contentType: "application/json"]) -> Response {
        Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: value.serialized())))
    }
}
