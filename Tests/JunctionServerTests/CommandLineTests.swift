import Foundation
import JunctionMock
import Testing

@Suite("junction compress and junction usage")
struct CommandLineTests {
    func run(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = StartupTests.binary
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func compressPrintsTheTextAndOneSummaryLine() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../JunctionSaverTests/Fixtures/pytest/verbose-failures.txt").standardizedFileURL.path
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let fromFile = try run(["compress", "--command", "python3 -m pytest tests", path])
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout.utf8.count < original.utf8.count)
        let summary = fromFile.stderr.trimmingCharacters(in: .newlines)
        #expect(summary.hasPrefix("\(original.utf8.count) → \(fromFile.stdout.utf8.count) bytes"))
        #expect(summary.contains("% saved, filter: pytest"))
        #expect(!summary.contains("\n"))
        let fromStdin = try run(["compress", "--command", "python3 -m pytest tests", "-"], stdin: Data(original.utf8))
        #expect(fromStdin.stdout == fromFile.stdout, "the same input gives the same output")
        let bad = try run(["compress", "--level", "extreme", path])
        #expect(bad.status != 0)
    }

    @Test func usageReportsRequestsTokensAndSaverSavings() async throws {
        let harness = try await Harness.start(MockProvider())
        let output = try SaverRouteTests.sample()
        _ = try await harness.request("/v1/chat/completions", body: SaverRouteTests.body(toolOutput: output))
        _ = try await harness.request("/v1/chat/completions", body: Harness.chat())
        _ = try await harness.usageRecords()
        let report = try run(["usage", "--data-dir", harness.dataDir])
        await harness.stop()
        #expect(report.status == 0)
        let row = try #require(report.stdout.split(separator: "\n").first { $0.hasPrefix("p1/gpt-4o ") })
        let columns = row.split(separator: " ", omittingEmptySubsequences: true)
        #expect(columns[1] == "2", "two requests")
        #expect(report.stdout.contains("total"))
        #expect(row.contains("%"))
    }
}
