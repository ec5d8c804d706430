import Foundation
@testable import JunctionStore
import Logging
import Testing

/// The backends the conformance suite runs against.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The backends to test here: PostgreSQL only when a server is configured, or in CI (where its
    /// absence must fail the run rather than pass it quietly).
    static var enabled: [StoreBackend] {
        TestPostgres.isEnabled ? allCases : [.sqlite]
    }

    /// Opens a fresh, empty store of this backend for the duration of `body`.
    func withStore(_ body: (any Store) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("junction-store-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try await body(try JunctionDatabase(dataDir: folder))
        case .postgres:
            try await TestPostgres.withDatabase { url in
                try await withPostgresStore(url: url, logger: TestPostgres.logger) { store in try await body(store) }
            }
        }
    }
}

/// The PostgreSQL server of the tests: `JUNCTION_TEST_POSTGRES_URL`, a URL whose role may create
/// databases. Each test gets a database of its own, dropped afterwards, so tests run in parallel.
enum TestPostgres {
    static let variable = "JUNCTION_TEST_POSTGRES_URL"

    static var url: String? {
        ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether PostgreSQL cases run: with a server, or in CI (where they then fail for want of one).
    static var isEnabled: Bool { url != nil || isCI }

    static let logger: Logger = {
        var logger = Logger(label: "junction.store.tests")
        logger.logLevel = .error
        return logger
    }()

    /// The admin URL, or `nil` after recording why there is none: an issue in CI, a note elsewhere.
    static func requireURL() -> String? {
        if let url { return url }
        if isCI {
            Issue.record("PostgreSQL is required in CI: set \(variable) to a server whose role may create databases (see .ci/run)")
        } else {
            print("note: \(variable) is not set; skipping the PostgreSQL store tests")
        }
        return nil
    }

    /// Creates a database, runs `body` with its URL, then drops it (also when `body` throws).
    static func withDatabase(_ body: (String) async throws -> Void) async throws {
        guard let admin = requireURL() else { return }
        let database = try await PostgresAdmin.createDatabase(adminURL: admin, prefix: "test", logger: logger)
        do {
            try await body(database.url)
        } catch {
            try? await PostgresAdmin.dropDatabase(adminURL: admin, name: database.name, logger: logger)
            throw error
        }
        try await PostgresAdmin.dropDatabase(adminURL: admin, name: database.name, logger: logger)
    }
}

/// The first change in `stream` that matches, or `nil` if none comes within `timeout`.
func firstChange(
    in stream: AsyncStream<StoreChange>, within timeout: Duration = .seconds(2),
    where predicate: @escaping @Sendable (StoreChange) -> Bool = { _ in true }
) async -> StoreChange? {
    await withTaskGroup(of: StoreChange?.self) { group in
        group.addTask {
            for await change in stream where predicate(change) { return change }
            return nil
        }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

/// Dates on whole seconds, which both backends keep exactly.
let baseDate = Date(timeIntervalSince1970: 1_800_000_000)

func at(_ seconds: TimeInterval) -> Date { baseDate.addingTimeInterval(seconds) }

/// A ledger row with sensible defaults.
func record(
    _ seconds: TimeInterval, key: String? = "alice", model: String = "oai/gpt-4o", provider: String? = "oai",
    upstream: String? = "gpt-4o", account: Int? = 0, status: Int = 200, input: Int? = 100, output: Int? = 20,
    cost: Int? = 1_000, combo: String? = nil
) -> UsageRecord {
    UsageRecord(
        createdAt: at(seconds), clientKey: key, endpoint: "openai", requestedModel: model, provider: provider,
        upstreamModel: upstream, attempts: 1, status: status, stream: false, latencyMs: 300, firstByteMs: 120,
        inputTokens: input, outputTokens: output, account: account, combo: combo, costMicros: cost)
}

extension UsageRecord {
    /// The record as inserted (without the id the store gave it).
    var withoutID: UsageRecord {
        var copy = self
        copy.id = nil
        return copy
    }
}
