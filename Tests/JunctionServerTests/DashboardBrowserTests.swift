import Foundation
import JunctionMock
import JunctionServer
import Testing

/// The dashboard in a real headless Chromium, driven by Selenium (`Tests/Dashboard/dashboard_test.py`):
/// log in, add a provider pointing at a mock, make a combo and a key, send traffic, see it in the live
/// log and the usage chart, revoke the key, log out. Screenshots of each page are kept in
/// `.build/artifacts/dashboard/`.
@Suite("Dashboard in a browser")
struct DashboardBrowserTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theWholeFlowWorksInHeadlessChromium() async throws {
        let environment = ProcessInfo.processInfo.environment
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.fileExists(atPath: $0) }
        let hasSelenium = Self.python(["-c", "import selenium"]).status == 0
        guard chromium != nil, FileManager.default.fileExists(atPath: "/usr/bin/chromedriver"), hasSelenium else {
            if environment["CI"] == "true" {
                Issue.record("CI needs chromium, chromium-driver and selenium (see .ci/run)")
            } else {
                print("note: chromium, chromedriver or selenium is missing; skipping the browser test")
            }
            return
        }
        let mock = try await MockServer.start(MockProvider(name: "browser-mock"))
        defer { Task { await mock.stop() } }
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let password = "dashboard-password-\(UUID().uuidString.prefix(8))"
        try await AdminPassword(store: harness.runtime.store).set(password, now: Date())

        let screenshots = Self.root.appendingPathComponent(".build/artifacts/dashboard").path
        try FileManager.default.createDirectory(atPath: screenshots, withIntermediateDirectories: true)
        let script = Self.root.appendingPathComponent("Tests/Dashboard/dashboard_test.py").path
        let run = await Task.detached {
            Self.python([
                script, "--base-url", "http://127.0.0.1:\(harness.port)", "--password", password, "--mock-url", mock.baseURL,
                "--screenshots", screenshots,
            ])
        }.value
        #expect(run.status == 0, "the browser test failed:\n\(run.output.suffix(4000))")
        let pages = (try? FileManager.default.contentsOfDirectory(atPath: screenshots).filter { $0.hasSuffix(".png") }) ?? []
        #expect(pages.count >= 8, "expected a screenshot of every page in \(screenshots)")
    }

    /// Runs python3 with `arguments`; its exit status and combined output.
    static func python(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
