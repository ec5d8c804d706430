import Foundation
import JunctionTranslate
import JunctionWire

/// Golden fixtures beside this file, loaded by path (no SwiftPM resources).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The fixture file stem of a format.
    static func name(_ format: APIFormat) -> String {
        switch format {
        case .openAIChat: "openai"
        case .anthropic: "anthropic"
        case .gemini: "gemini"
        case .openAIResponses: "responses"
        }
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(path)))
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONValue(parsing: bytes(path))
    }

    static func request(_ format: APIFormat) throws -> JSONValue { try json("requests/\(name(format)).json") }
    static func response(_ format: APIFormat) throws -> JSONValue { try json("responses/\(name(format)).json") }

    static func stream(_ format: APIFormat) throws -> [ServerSentEvent] {
        var decoder = ServerSentEventDecoder()
        var events = try decoder.feed(bytes("streams/\(name(format)).sse"))
        if let last = decoder.finish() { events.append(last) }
        return events
    }
}

/// Readers over canonical values, to keep assertions short.
extension CanonicalRequest {
    var toolCalls: [ToolCall] {
        messages.flatMap(\.parts).compactMap { if case .toolCall(let call) = $0.content { call } else { nil } }
    }

    var toolResults: [ToolResult] {
        messages.flatMap(\.parts).compactMap { if case .toolResult(let result) = $0.content { result } else { nil } }
    }

    var images: [ImageSource] {
        messages.flatMap(\.parts).compactMap { if case .image(let source) = $0.content { source } else { nil } }
    }

    var thinkings: [Thinking] {
        messages.flatMap(\.parts).compactMap { if case .thinking(let thinking) = $0.content { thinking } else { nil } }
    }

    var userText: String {
        messages.filter { $0.role == .user }.flatMap(\.parts).compactMap(\.text).joined(separator: " ")
    }
}

extension ToolResult {
    var text: String { content.compactMap(\.text).joined() }
}

/// Parses JSON text for comparisons that ignore spacing.
func parsed(_ text: String) -> JSONValue? { try? JSONValue(parsing: text) }

/// Every client × provider pair.
let allPairs: [(APIFormat, APIFormat)] = APIFormat.allCases.flatMap { client in APIFormat.allCases.map { (client, $0) } }

/// Runs a whole provider stream through a transcoder.
func transcode(_ events: [ServerSentEvent], from provider: APIFormat, to client: APIFormat, model: String = "client-model") throws -> (client: [ServerSentEvent], canonical: [CanonicalStreamEvent]) {
    var transcoder = StreamTranscoder(from: provider, to: client, model: model)
    var output: [ServerSentEvent] = []
    var canonical: [CanonicalStreamEvent] = []
    for event in events {
        let step = try transcoder.transcode(event)
        output += step.client
        canonical += step.canonical
    }
    let last = transcoder.finish()
    return (output + last.client, canonical + last.canonical)
}
