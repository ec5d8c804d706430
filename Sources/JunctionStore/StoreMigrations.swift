import GRDB

/// The schema's history. A shipped migration is never edited: add a new one instead.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1.usage") { db in
            try db.create(table: "usage") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("createdAt", .datetime).notNull().indexed()
                table.column("clientKey", .text)
                table.column("endpoint", .text).notNull()
                table.column("requestedModel", .text).notNull()
                table.column("provider", .text)
                table.column("upstreamModel", .text)
                table.column("attempts", .integer).notNull()
                table.column("status", .integer).notNull()
                table.column("stream", .boolean).notNull()
                table.column("latencyMs", .integer).notNull()
                table.column("firstByteMs", .integer)
                table.column("inputTokens", .integer)
                table.column("outputTokens", .integer)
                table.column("cachedInputTokens", .integer)
                table.column("reasoningTokens", .integer)
                table.column("route", .text)
                table.column("error", .text)
            }
        }
        migrator.registerMigration("v2.saver") { db in
            try db.alter(table: "usage") { table in
                table.add(column: "saverBytesBefore", .integer)
                table.add(column: "saverBytesAfter", .integer)
                table.add(column: "saverTokensBefore", .integer)
                table.add(column: "saverTokensAfter", .integer)
            }
        }
        migrator.registerMigration("v3.routingHealth") { db in
            try db.create(table: "routingHealth") { table in
                table.primaryKey("id", .integer).check { $0 == 1 }
                table.column("state", .blob).notNull()
                table.column("updatedAt", .datetime).notNull()
            }
            try db.alter(table: "usage") { table in
                table.add(column: "account", .integer)
            }
        }
        migrator.registerMigration("v4.accountUsageIndex") { db in
            try db.create(index: "usage_by_account", on: "usage", columns: ["provider", "account", "createdAt"])
        }
        migrator.registerMigration("v5.cost") { db in
            try db.alter(table: "usage") { table in
                table.add(column: "combo", .text)
                table.add(column: "tier", .text)
                table.add(column: "cacheWriteTokens", .integer)
                table.add(column: "costMicros", .integer)
            }
        }
        migrator.registerMigration("v6.adminAndKeys") { db in
            try db.alter(table: "usage") { table in
                table.add(column: "requestId", .text)
                table.add(column: "errorClass", .text)
                table.add(column: "cacheWrite1hTokens", .integer)
                table.add(column: "saverFilters", .text)
            }
            try db.create(index: "usage_by_key", on: "usage", columns: ["clientKey", "createdAt"])
            try db.create(index: "usage_by_request", on: "usage", columns: ["requestId"])
            try db.create(table: "clientKeys") { table in
                table.primaryKey("id", .text)
                table.column("name", .text).notNull()
                table.column("hash", .text).notNull().unique()
                table.column("prefix", .text).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("revokedAt", .datetime)
                table.column("limits", .text).notNull()
                table.column("saver", .text)
            }
            try db.create(table: "managedItems") { table in
                table.column("kind", .text).notNull()
                table.column("name", .text).notNull()
                table.column("document", .text).notNull()
                table.column("updatedAt", .datetime).notNull()
                table.primaryKey(["kind", "name"])
            }
        }
        return migrator
    }
}
