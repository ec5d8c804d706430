import Foundation
import JunctionMock
import JunctionWire
import NIOHTTP1
import Testing

@Suite("junction keys and junction admin")
struct KeysCommandTests {
    let cli = CommandLineTests()

    @Test func aKeyMadeWithTheCommandWorksAtOnceAndItsRevocationReachesTheRunningServer() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let created = try cli.run(["keys", "create", "laptop", "--usd-per-day", "5", "--data-dir", harness.dataDir])
        #expect(created.status == 0, "\(created.stderr)")
        let key = try #require(created.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("jk-") }.map(String.init))

        // Once the running server sees the key, calls without one are refused and calls with it served.
        let locked = try await eventually(within: 5) { try await harness.request("/v1/chat/completions", body: Harness.chat()).status == 401 }
        #expect(locked, "the running server did not pick up the key made by the command")
        let accepted = try await harness.request("/v1/chat/completions", body: Harness.chat(), headers: [("authorization", "Bearer \(key)")])
        #expect(accepted.status == 200)

        let listed = try cli.run(["keys", "list", "--data-dir", harness.dataDir])
        #expect(listed.stdout.contains("laptop"))
        #expect(!listed.stdout.contains(key))

        let revoked = try cli.run(["keys", "revoke", "laptop", "--data-dir", harness.dataDir])
        #expect(revoked.status == 0, "\(revoked.stderr)")
        let refused = try await eventually(within: 5) {
            try await harness.request("/v1/chat/completions", body: Harness.chat(), headers: [("authorization", "Bearer \(key)")]).status == 401
        }
        #expect(refused, "the revoked key still works after 5 s")
        #expect(try cli.run(["keys", "revoke", "laptop", "--data-dir", harness.dataDir]).status != 0)
    }

    @Test func setPasswordLetsTheDashboardLogIn() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let short = try cli.run(["admin", "set-password", "--data-dir", harness.dataDir], stdin: Data("short\n".utf8))
        #expect(short.status != 0)
        let set = try cli.run(["admin", "set-password", "--data-dir", harness.dataDir], stdin: Data("correct horse battery\n".utf8))
        #expect(set.status == 0, "\(set.stderr)")
        let login = try await harness.request("/dashboard/login", body: #"{"password": "correct horse battery"}"#)
        #expect(login.status == 200)
        #expect(login.headers.first(name: "set-cookie")?.contains("HttpOnly") == true)
    }
}
