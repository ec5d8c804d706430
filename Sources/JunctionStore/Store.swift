public import Foundation

/// Where Junction keeps what outlives a process: the usage ledger, routing health, client keys and
/// the configuration made through the admin API.
///
/// Two backends implement it: ``JunctionDatabase`` (SQLite in the data folder, the default) and
/// ``PostgresStore`` (one PostgreSQL shared by several instances). Both run the same migrations in
/// spirit and pass the same test suite. Secrets reach a store already sealed (see ``SecretBox``), and
/// client keys only as hashes: no method here ever sees a plaintext credential.
public protocol Store: Sendable {
    /// A short label for logs: `sqlite:/path` or `postgres://host/db` (never a password).
    var label: String { get }

    // MARK: Ledger

    /// Inserts records in one transaction.
    func insert(_ records: [UsageRecord]) async throws
    /// Every ledger row created at or after `since`, oldest first.
    func usageRecords(since: Date) async throws -> [UsageRecord]
    /// The lightweight facts that usage aggregates are computed from, for rows in `[since, until)`.
    func usageFacts(since: Date, until: Date?) async throws -> [UsageFact]
    /// Ledger rows newest first, filtered and paged (see ``RequestLogQuery``).
    func requestLog(_ query: RequestLogQuery) async throws -> [UsageRecord]
    /// Totals by provider and model since `date`, busiest first.
    func usageSummary(since date: Date) async throws -> [UsageSummary]
    /// Requests and tokens (input plus output) one provider account spent since `date`, failures excluded.
    func accountUsage(provider: String, account: Int, since date: Date) async throws -> (requests: Int, tokens: Int)
    /// What one client key spent since `date`: requests, tokens and cost. Requests its own limits
    /// refused (error class `key_limit`) do not count.
    func keyUsage(clientKey: String, since date: Date) async throws -> KeyUsage

    // MARK: Routing health

    /// Saves the routing engine's encoded health state and announces ``StoreChange/Kind/health``.
    func saveRoutingHealth(_ state: Data) async throws
    /// The last saved health state, if any.
    func loadRoutingHealth() async throws -> Data?

    // MARK: Client keys

    /// Every client key made through the API or the CLI, revoked ones included.
    func clientKeys() async throws -> [StoredClientKey]
    /// Inserts the key, or replaces the one with the same id; announces ``StoreChange/Kind/clientKeys``.
    func saveClientKey(_ key: StoredClientKey) async throws

    // MARK: Managed configuration

    /// The items of one kind, by name.
    func managedItems(kind: ManagedKind) async throws -> [ManagedItem]
    /// Inserts or replaces an item; announces the change (sessions excepted).
    func saveManagedItem(_ item: ManagedItem) async throws
    /// Deletes an item; `false` when there was none. Announces the change (sessions excepted).
    @discardableResult func deleteManagedItem(kind: ManagedKind, name: String) async throws -> Bool

    // MARK: Changes

    /// Changes made through this store or, on PostgreSQL, by any instance sharing the database.
    /// Each call returns a new stream; it ends when the store closes.
    func changes() -> AsyncStream<StoreChange>

    /// The identifiers of the migrations applied so far, sorted.
    func appliedMigrations() async throws -> [String]
}
