import Foundation
@testable import JunctionStore
import Testing

/// PostgreSQL URLs, parsed without a server.
@Suite("PostgreSQL URLs")
struct PostgresURLTests {
    @Test func urlsParseAndLabelsNeverShowThePassword() throws {
        let url = try PostgresURL("postgres://junction:s3cr%40t@db.example:6543/ledger?sslmode=disable")
        #expect(url.username == "junction" && url.password == "s3cr@t")
        #expect(url.host == "db.example" && url.port == 6543 && url.database == "ledger")
        #expect(url.sslMode == .disable)
        #expect(url.label == "postgres://junction@db.example:6543/ledger")
        #expect(!url.label.contains("s3cr"))
        let defaults = try PostgresURL("postgresql://me@localhost")
        #expect(defaults.port == 5432 && defaults.database == nil && defaults.sslMode == .prefer && defaults.password == nil)
        #expect(defaults.label == "postgres://me@localhost:5432/me")
        #expect(try PostgresURL("postgres://u:p@[::1]:5433/d").label == "postgres://u@[::1]:5433/d")
        for bad in ["mysql://u:p@h/d", "postgres://u:p@/d", "not a url", "postgres://h/d", "postgres://u:p@h/d?sslmode=maybe"] {
            let error = #expect(throws: StoreError.self) { try PostgresURL(bad) }
            #expect(error?.message.contains(":p@") == false)
        }
    }

    @Test func anUnreachableServerFailsAtOpenWithASafeMessage() async throws {
        let error = await #expect(throws: StoreError.self) {
            _ = try await PostgresStore(url: "postgres://junction:hunter2@127.0.0.1:1/ledger?sslmode=disable", logger: TestPostgres.logger)
        }
        let message = try #require(error?.message)
        #expect(message.hasPrefix("PostgreSQL: cannot open postgres://junction@127.0.0.1:1/ledger: connectionError"))
        #expect(!message.contains("hunter2"))
    }
}
