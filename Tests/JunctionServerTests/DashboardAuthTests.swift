import Foundation
import JunctionMock
import JunctionWire
import NIOHTTP1
import Testing

@Suite("Dashboard sign-in")
struct DashboardAuthTests {
    /// The session cookie's `name=value` from a login or setup reply.
    func cookie(_ reply: Harness.Reply) throws -> String {
        let header = try #require(reply.headers.first(name: "set-cookie"))
        return String(header.split(separator: ";")[0])
    }

    @Test func setupOnceThenSessionsWithCSRFAndLogout() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        let state = try await harness.request("/dashboard/session", method: .GET)
        #expect(state.json?["setup_required"]?.boolValue == true)
        #expect(state.json?["setup_allowed"]?.boolValue == true)
        #expect(try await harness.request("/dashboard/setup", body: #"{"password": "short"}"#).status == 400)

        let setup = try await harness.request("/dashboard/setup", body: #"{"password": "a long enough one"}"#)
        #expect(setup.status == 200)
        let header = try #require(setup.headers.first(name: "set-cookie"))
        #expect(header.contains("HttpOnly") && header.contains("SameSite=Strict"))
        let session = try cookie(setup)
        let csrf = try #require(setup.json?["csrf_token"]?.stringValue)
        #expect(try await harness.request("/dashboard/setup", body: #"{"password": "another long one"}"#).status == 409)

        let read = try await harness.request("/api/providers", method: .GET, headers: [("cookie", session)])
        #expect(read.status == 200)
        let noCSRF = try await harness.request("/api/keys", body: #"{"name": "x"}"#, headers: [("cookie", session)])
        #expect(noCSRF.status == 403)
        let withCSRF = try await harness.request("/api/keys", body: #"{"name": "x"}"#, headers: [("cookie", session), ("x-csrf-token", csrf)])
        #expect(withCSRF.status == 201)

        let page = try await harness.request("/dashboard/keys", method: .GET, headers: [("cookie", session)])
        let anonymousPage = try await harness.request("/dashboard/keys", method: .GET)
        #expect(page.body != anonymousPage.body)

        #expect(try await harness.request("/dashboard/logout", headers: [("cookie", session), ("x-csrf-token", csrf)]).status == 200)
        #expect(try await harness.request("/api/providers", method: .GET, headers: [("cookie", session)]).status == 401)
    }

    @Test func failedLoginsGrowADelay() async throws {
        let harness = try await Harness.start(MockProvider())
        defer { Task { await harness.stop() } }
        _ = try await harness.request("/dashboard/setup", body: #"{"password": "the real password"}"#)
        var statuses: [Int] = []
        for _ in 0..<5 { statuses.append(try await harness.request("/dashboard/login", body: #"{"password": "guess"}"#).status) }
        #expect(statuses.prefix(3) == [401, 401, 401])
        #expect(statuses.last == 429)
        let throttled = try await harness.request("/dashboard/login", body: #"{"password": "the real password"}"#)
        #expect(throttled.status == 429)
        #expect(Int(throttled.headers.first(name: "retry-after") ?? "") ?? 0 >= 1)
    }
}
