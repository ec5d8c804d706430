import Foundation
import JunctionStore
import Testing

@Suite struct MigrationTests {
    @Test func freshDatabaseHasEveryMigration() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("junction-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = try JunctionDatabase(dataDir: folder)
        #expect(try await database.appliedMigrations().contains("v6.adminAndKeys"))
    }
}
