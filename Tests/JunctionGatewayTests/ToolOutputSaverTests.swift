import Foundation
@testable import JunctionGateway
import JunctionSaver
import JunctionWire
import Testing

/// A real captured tool output from the saver's corpus.
func corpusSample(_ name: String) throws -> (text: String, command: String, keep: [String]) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../JunctionSaverTests/Fixtures").standardizedFileURL
    let text = try String(contentsOf: folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
    let command = try String(contentsOf: folder.appendingPathComponent("\(name).cmd"), encoding: .utf8)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    let keep = try String(contentsOf: folder.appendingPathComponent("\(name).keep"), encoding: .utf8)
        .split(separator: "\n").map(String.init)
    return (text, command, keep)
}

@Suite("Token saver inside request bodies, in every client format")
struct ToolOutputSaverTests {
    let saver = ToolOutputSaver(saver: Saver(level: .safe, timeBudget: .seconds(5)))

    func json(_ value: some Encodable) throws -> JSONValue {
        try JSONValue(parsing: Array(try JSONEncoder().encode(value)))
    }

    @Test func openAIToolMessagesAreCompressedWithTheirCallsCommandAndNothingElseChanges() throws {
        let sample = try corpusSample("pytest/verbose-failures")
        let arguments = try json(["command": sample.command]).serializedString()
        var body: JSONValue = [
            "model": "x",
            "messages": [
                ["role": "system", "content": .string(sample.text)],
                ["role": "user", "content": .string(sample.text)],
                ["role": "assistant", "content": .null, "tool_calls": [["id": "call_1", "type": "function", "function": ["name": "Bash", "arguments": .string(arguments)]]]],
                ["role": "tool", "tool_call_id": "call_1", "content": .string(sample.text)],
            ],
        ]
        let original = body
        let report = saver.compress(&body, format: .openAIChat)
        let messages = try #require(body["messages"]?.arrayValue)
        #expect(messages[0] == original["messages"]?[0], "system text is never touched")
        #expect(messages[1] == original["messages"]?[1], "user text is never touched")
        #expect(messages[2] == original["messages"]?[2])
        let compressed = try #require(messages[3]["content"]?.stringValue)
        #expect(compressed.utf8.count < sample.text.utf8.count)
        for line in sample.keep { #expect(compressed.contains(line), "kept: \(line)") }
        #expect(report.outputs == 1)
        #expect(report.compressed == 1)
        #expect(report.filters == ["pytest": 1])
        #expect(report.tokensAfter < report.tokensBefore)
        // Deterministic and idempotent: history re-sent next turn compresses to the same bytes.
        var again = original
        _ = saver.compress(&again, format: .openAIChat)
        #expect(again == body)
        var twice = body
        let second = saver.compress(&twice, format: .openAIChat)
        #expect(twice == body)
        #expect(second.compressed == 0)
    }

    @Test func anthropicToolResultsAsStringOrBlocksAreCompressedAndErrorsOnlyLoseNoise() throws {
        let sample = try corpusSample("git-diff/nio-diff-cached")
        let noisy = "\u{1B}[31mfatal: something\u{1B}[0m\n" + sample.text
        var body: JSONValue = [
            "model": "x",
            "messages": [
                ["role": "assistant", "content": [["type": "tool_use", "id": "toolu_1", "name": "Bash", "input": ["command": .string(sample.command)]]]],
                [
                    "role": "user",
                    "content": [
                        ["type": "tool_result", "tool_use_id": "toolu_1", "content": .string(sample.text)],
                        ["type": "tool_result", "tool_use_id": "toolu_1", "content": [["type": "text", "text": .string(sample.text)]]],
                        ["type": "tool_result", "tool_use_id": "toolu_1", "is_error": true, "content": .string(noisy)],
                        ["type": "text", "text": .string(sample.text)],
                    ],
                ],
            ],
        ]
        let report = saver.compress(&body, format: .anthropic)
        let blocks = try #require(body["messages"]?[1]?["content"]?.arrayValue)
        let asString = try #require(blocks[0]["content"]?.stringValue)
        #expect(asString.utf8.count < sample.text.utf8.count)
        #expect(blocks[1]["content"]?[0]?["text"]?.stringValue == asString)
        #expect(blocks[2]["content"]?.stringValue == "fatal: something\n" + sample.text, "an error result only loses noise")
        #expect(blocks[3]["text"]?.stringValue == sample.text, "user text is never touched")
        #expect(report.outputs == 3)
        #expect(report.compressed == 3)
    }

    @Test func responsesFunctionCallOutputsAreCompressed() throws {
        let sample = try corpusSample("git-diff/nio-diff-cached")
        let arguments = try json(["command": ["bash", "-lc", sample.command]]).serializedString()
        var body: JSONValue = [
            "model": "x",
            "input": [
                ["type": "message", "role": "user", "content": [["type": "input_text", "text": .string(sample.text)]]],
                ["type": "function_call", "call_id": "call_9", "name": "shell", "arguments": .string(arguments)],
                ["type": "function_call_output", "call_id": "call_9", "output": .string(sample.text)],
            ],
        ]
        let report = saver.compress(&body, format: .openAIResponses)
        #expect(body["input"]?[0]?["content"]?[0]?["text"]?.stringValue == sample.text)
        #expect((body["input"]?[2]?["output"]?.stringValue?.utf8.count ?? .max) < sample.text.utf8.count)
        #expect(report.filters == ["git-diff": 1])
    }

    @Test func geminiFunctionResponsesAreCompressedInsideTheirResponseObject() throws {
        let sample = try corpusSample("pytest/verbose-failures")
        var body: JSONValue = [
            "contents": [
                ["role": "user", "parts": [["text": .string(sample.text)]]],
                ["role": "model", "parts": [["functionCall": ["name": "run_shell_command", "args": ["command": .string(sample.command)]]]]],
                ["role": "user", "parts": [["functionResponse": ["name": "run_shell_command", "response": ["output": .string(sample.text)]]]]],
            ]
        ]
        let report = saver.compress(&body, format: .gemini)
        #expect(body["contents"]?[0]?["parts"]?[0]?["text"]?.stringValue == sample.text)
        let output = try #require(body["contents"]?[2]?["parts"]?[0]?["functionResponse"]?["response"]?["output"]?.stringValue)
        #expect(output.utf8.count < sample.text.utf8.count)
        #expect(report.filters == ["pytest": 1])
    }

    @Test func outputsUnderOneKilobyteAndLevelOffAreLeftAlone() throws {
        let small = "\u{1B}[32mok\u{1B}[0m\n" + String(repeating: "line\n", count: 100)
        var body: JSONValue = ["messages": [["role": "tool", "tool_call_id": "a", "content": .string(small)]]]
        let original = body
        let report = saver.compress(&body, format: .openAIChat)
        #expect(body == original)
        #expect(report.compressed == 0)
        let sample = try corpusSample("pytest/verbose-failures")
        var big: JSONValue = ["messages": [["role": "tool", "tool_call_id": "a", "content": .string(sample.text)]]]
        let bigOriginal = big
        _ = ToolOutputSaver(saver: Saver(level: .off)).compress(&big, format: .openAIChat)
        #expect(big == bigOriginal)
    }

    @Test func theLevelComesFromTheHeaderThenTheKeyThenTheComboThenTheDefault() {
        let config = JunctionConfig(
            clientKeys: [ClientKey(name: "ci", key: "k", saver: .aggressive), ClientKey(name: "plain", key: "p")],
            combos: [ComboConfig(name: "cheap", targets: [], saver: .off)], saver: .safe)
        #expect(config.saverLevel(requested: .off, clientKey: "ci", model: "cheap") == .off)
        #expect(config.saverLevel(requested: nil, clientKey: "ci", model: "cheap") == .aggressive)
        #expect(config.saverLevel(requested: nil, clientKey: "plain", model: "cheap") == .off)
        #expect(config.saverLevel(requested: nil, clientKey: "plain", model: "p/m") == .safe)
    }
}
