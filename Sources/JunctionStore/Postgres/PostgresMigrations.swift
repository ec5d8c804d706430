import Logging
import PostgresNIO

/// The PostgreSQL schema's history: the same migrations, under the same identifiers, as
/// ``StoreMigrations`` for SQLite, so both backends report the same schema. A shipped migration is
/// never edited: add a new one (here and in SQLite) instead.
///
/// Identifiers are written unquoted, so PostgreSQL folds them to lower case (`createdAt` is the
/// column `createdat`). Integers are `BIGINT`, dates `TIMESTAMPTZ`, blobs `BYTEA`.
enum PostgresMigrations {
    /// The advisory lock taken while migrating, so that instances starting together take turns.
    static let lockKey: Int64 = 0x6A75_6E63_7469_6F6E // "junction"

    static let all: [(id: String, statements: [String])] = [
        ("v1.usage", [
            """
            CREATE TABLE usage (
                id BIGSERIAL PRIMARY KEY,
                createdAt TIMESTAMPTZ NOT NULL,
                clientKey TEXT,
                endpoint TEXT NOT NULL,
                requestedModel TEXT NOT NULL,
                provider TEXT,
                upstreamModel TEXT,
                attempts BIGINT NOT NULL,
                status BIGINT NOT NULL,
                stream BOOLEAN NOT NULL,
                latencyMs BIGINT NOT NULL,
                firstByteMs BIGINT,
                inputTokens BIGINT,
                outputTokens BIGINT,
                cachedInputTokens BIGINT,
                reasoningTokens BIGINT,
                route TEXT,
                error TEXT
            )
            """,
            "CREATE INDEX usage_on_createdAt ON usage (createdAt)",
        ]),
        ("v2.saver", [
            """
            ALTER TABLE usage ADD COLUMN saverBytesBefore BIGINT, ADD COLUMN saverBytesAfter BIGINT,
                ADD COLUMN saverTokensBefore BIGINT, ADD COLUMN saverTokensAfter BIGINT
            """,
        ]),
        ("v3.routingHealth", [
            "CREATE TABLE routingHealth (id BIGINT PRIMARY KEY CHECK (id = 1), state BYTEA NOT NULL, updatedAt TIMESTAMPTZ NOT NULL)",
            "ALTER TABLE usage ADD COLUMN account BIGINT",
        ]),
        ("v4.accountUsageIndex", [
            "CREATE INDEX usage_by_account ON usage (provider, account, createdAt)",
        ]),
        ("v5.cost", [
            """
            ALTER TABLE usage ADD COLUMN combo TEXT, ADD COLUMN tier TEXT, ADD COLUMN cacheWriteTokens BIGINT,
                ADD COLUMN costMicros BIGINT
            """,
        ]),
        ("v6.adminAndKeys", [
            "ALTER TABLE usage ADD COLUMN requestId TEXT, ADD COLUMN errorClass TEXT, ADD COLUMN cacheWrite1hTokens BIGINT, ADD COLUMN saverFilters TEXT",
            "CREATE INDEX usage_by_key ON usage (clientKey, createdAt)",
            "CREATE INDEX usage_by_request ON usage (requestId)",
            """
            CREATE TABLE clientKeys (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE,
                prefix TEXT NOT NULL,
                createdAt TIMESTAMPTZ NOT NULL,
                revokedAt TIMESTAMPTZ,
                limits TEXT NOT NULL,
                saver TEXT
            )
            """,
            """
            CREATE TABLE managedItems (
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                document TEXT NOT NULL,
                updatedAt TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (kind, name)
            )
            """,
        ]),
    ]

    /// Applies the missing migrations in one transaction, under an advisory lock held until it ends.
    /// Returns the identifiers it applied.
    @discardableResult
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS junction_migrations (id TEXT PRIMARY KEY, appliedAt TIMESTAMPTZ NOT NULL DEFAULT now())",
                logger: logger)
            var applied = Set<String>()
            for try await id in try await connection.query("SELECT id FROM junction_migrations", logger: logger).decode(String.self) {
                applied.insert(id)
            }
            var done: [String] = []
            for migration in all where !applied.contains(migration.id) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO junction_migrations (id) VALUES (\(migration.id))", logger: logger)
                done.append(migration.id)
            }
            return done
        }
    }
}
