import Foundation
import JunctionStore
import Testing

@Suite("junction usage over a seeded ledger")
struct UsageCommandTests {
    func seededDataDir() async throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("junction-usage-\(UUID().uuidString)").path
        let database = try JunctionDatabase(dataDir: folder)
        let now = Date()
        func record(_ ago: TimeInterval, provider: String?, status: Int = 200, latency: Int, input: Int, cached: Int = 0, output: Int,
                    cost: Int?, saverBefore: Int? = nil, saverAfter: Int? = nil, key: String? = "ci") -> UsageRecord {
            UsageRecord(
                createdAt: now.addingTimeInterval(-ago), clientKey: key, endpoint: "openai", requestedModel: "\(provider ?? "x")/m",
                provider: provider, upstreamModel: provider == nil ? nil : "m", attempts: 1, status: status, stream: false,
                latencyMs: latency, firstByteMs: nil, inputTokens: input, outputTokens: output, cachedInputTokens: cached,
                saverTokensBefore: saverBefore, saverTokensAfter: saverAfter, costMicros: cost)
        }
        try await database.insert([
            record(3600, provider: "alpha", latency: 100, input: 1000, cached: 200, output: 50, cost: 1_250_000, saverBefore: 400, saverAfter: 100),
            record(1800, provider: "alpha", latency: 300, input: 500, output: 25, cost: 250_000),
            record(600, provider: "alpha", status: 502, latency: 200, input: 0, output: 0, cost: nil),
            record(60, provider: "beta", latency: 40, input: 10, output: 5, cost: 100, key: nil),
            record(30, provider: nil, status: 503, latency: 1, input: 0, output: 0, cost: nil),
            record(2 * 86_400, provider: "alpha", latency: 9999, input: 99_999, output: 99_999, cost: 99_000_000),
        ])
        return folder
    }

    func columns(_ output: String, row name: String) throws -> [Substring] {
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("\(name) ") }, "no row \(name) in:\n\(output)")
        return line.split(separator: " ", omittingEmptySubsequences: true)
    }

    @Test func byProviderPrintsOneRowPerProviderAndATotal() async throws {
        let folder = try await seededDataDir()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try CommandLineTests().run(["usage", "--data-dir", folder, "--by", "provider", "--since", "24h"])
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(separator: "\n")
        let header = try #require(lines.first { $0.hasPrefix("provider ") })
        #expect(header.split(separator: " ", omittingEmptySubsequences: true).prefix(7) == ["provider", "requests", "errors", "input", "cached", "output", "cost"])
        // provider requests errors input cached output cost saved saved% p50 p95
        #expect(try columns(report.stdout, row: "alpha") == ["alpha", "3", "1", "1500", "200", "75", "1.5000", "300", "16.7%", "200", "300"])
        #expect(try columns(report.stdout, row: "beta") == ["beta", "1", "0", "10", "0", "5", "0.0001", "0", "0.0%", "40", "40"])
        #expect(try columns(report.stdout, row: "-") == ["-", "1", "1", "0", "0", "0", "0.0000", "0", "-", "1", "1"])
        #expect(try columns(report.stdout, row: "total") == ["total", "5", "2", "1510", "200", "80", "1.5001", "300", "16.6%", "100", "300"])
        let order = lines.compactMap { line in ["alpha", "beta", "-", "total"].first { line.hasPrefix("\($0) ") } }
        #expect(order == ["alpha", "beta", "-", "total"], "busiest first, total last")
        #expect(!report.stdout.contains("99999"), "the row from two days ago is outside the window")
        #expect(report.stdout.contains("Token saver: 300 tool-output tokens removed"))
    }

    @Test func bucketsAndOtherGroupings() async throws {
        let folder = try await seededDataDir()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let byKey = try CommandLineTests().run(["usage", "--data-dir", folder, "--by", "key", "--since", "3d"])
        #expect(byKey.status == 0)
        #expect(try columns(byKey.stdout, row: "ci")[1] == "5")
        #expect(try columns(byKey.stdout, row: "-")[1] == "1")
        let daily = try CommandLineTests().run(["usage", "--data-dir", folder, "--bucket", "day", "--since", "3d"])
        #expect(daily.status == 0)
        #expect(daily.stdout.contains("day (UTC)"))
        #expect(daily.stdout.contains("alpha/m"), "the default grouping is provider/model")
        let empty = try CommandLineTests().run(["usage", "--data-dir", folder, "--since", "10s"])
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("No requests in the last 10s."))
    }

    @Test(arguments: [
        (["--since", "yesterday"], "--since"), (["--since", "-5h"], "--since"), (["--by", "colour"], "--by"),
        (["--bucket", "week"], "--bucket"),
    ])
    func badOptionsExitWithUsageError(arguments: [String], named: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("junction-usage-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try CommandLineTests().run(["usage", "--data-dir", folder] + arguments)
        #expect(report.status == 64)
        #expect(report.stderr.contains(named), "\(report.stderr)")
        #expect(report.stdout.isEmpty)
    }
}
