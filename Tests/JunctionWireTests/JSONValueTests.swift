import JunctionWire
import Testing

struct JSONValueTests {
    @Test func roundTripKeepsKeyOrderAndNumberLiterals() throws {
        let text = #"{"z":1,"a":1.50,"big":12345678901234567890,"e":1e-3,"s":"h\u00e9\"\n","n":null,"t":[true,false,{}]}"#
        let value = try JSONValue(parsing: text)
        #expect(value.serializedString() == #"{"z":1,"a":1.50,"big":12345678901234567890,"e":1e-3,"s":"hé\"\n","n":null,"t":[true,false,{}]}"#)
        #expect(value["big"] == .number("12345678901234567890"))
        #expect(value["a"]?.doubleValue == 1.5)
    }

    @Test func settingAMemberKeepsItsPositionAndRemovingDropsIt() throws {
        var value = try JSONValue(parsing: #"{"model":"oai/x","stream":true,"extra":{"k":[1]}}"#)
        value["model"] = "x"
        value["stream"] = nil
        value["added"] = 2
        #expect(value.serializedString() == #"{"model":"x","extra":{"k":[1]},"added":2}"#)
    }

    @Test func surrogatePairsAndControlCharactersSurvive() throws {
        let value = try JSONValue(parsing: #""\ud83d\ude00 \u0001""#)
        #expect(value.stringValue == "😀 \u{01}")
        #expect(value.serializedString() == "\"😀 \\u0001\"")
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "\"abc", "{\"a\":1}x", "\"\u{01}\"", "-", "[1 2]",
    ])
    func malformedInputIsRejectedWithAnOffset(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func deepNestingIsRejectedNotCrashing() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }
}
