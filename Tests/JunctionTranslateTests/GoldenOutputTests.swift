import Foundation
import JunctionTranslate
import JunctionWire
import Testing

/// Every pair's translated request, response and stream compared with a reviewed golden file in
/// `Fixtures/golden/`. Ids and timestamps that a translation invents are masked before comparing.
///
/// After an intended change, regenerate with `JUNCTION_UPDATE_GOLDEN=1 swift test --filter GoldenOutput`
/// and review the diff like code.
@Suite struct GoldenOutputTests {
    static let update = ProcessInfo.processInfo.environment["JUNCTION_UPDATE_GOLDEN"] == "1"
    static let invented: Set<String> = ["id", "created", "created_at", "call_id", "item_id", "response_id", "responseId", "tool_use_id", "tool_call_id"]

    /// The value with invented ids and timestamps replaced by a marker.
    static func masked(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for member in object.members {
                result[member.key] = invented.contains(member.key) && member.value.isScalar ? .string("<masked>") : masked(member.value)
            }
            return .object(result)
        case .array(let elements): return .array(elements.map(masked))
        default: return value
        }
    }

    static func check(_ actual: String, against path: String) throws {
        let url = Fixture.directory.appendingPathComponent("golden").appendingPathComponent(path)
        if update {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(path) differs from its golden file")
    }

    @Test(arguments: allPairs)
    func requestTranslation(client: APIFormat, provider: APIFormat) throws {
        let body = try Codecs.translateRequest(Fixture.request(client), from: client, to: provider, upstreamModel: "upstream-model", stream: false)
        try Self.check(Self.masked(body).serializedString() + "\n", against: "requests/\(Fixture.name(client))-to-\(Fixture.name(provider)).json")
    }

    @Test(arguments: allPairs)
    func responseTranslation(client: APIFormat, provider: APIFormat) throws {
        let body = try Codecs.translateResponse(Fixture.response(provider), from: provider, to: client, model: "client-model")
        try Self.check(Self.masked(body).serializedString() + "\n", against: "responses/\(Fixture.name(provider))-to-\(Fixture.name(client)).json")
    }

    @Test(arguments: allPairs)
    func streamTranslation(client: APIFormat, provider: APIFormat) throws {
        let (events, _) = try transcode(Fixture.stream(provider), from: provider, to: client)
        let text = events.map { event -> String in
            let data = (try? JSONValue(parsing: event.data)).map { Self.masked($0).serializedString() } ?? event.data
            return String(decoding: ServerSentEvent(event: event.event, data: data).encoded(), as: UTF8.self)
        }.joined()
        try Self.check(text, against: "streams/\(Fixture.name(provider))-to-\(Fixture.name(client)).sse")
    }
}

extension JSONValue {
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
