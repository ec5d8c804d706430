import ArgumentParser
import Foundation
import JunctionGateway
import JunctionServer
import JunctionStore
import Logging

/// `--config` / `--data-dir`: which store a maintenance command opens (PostgreSQL when the
/// configuration names one, else SQLite in the data folder).
struct StoreOptions: ParsableArguments {
    @Option(help: "The YAML configuration file (for its data_dir and database).")
    var config: String?

    @Option(name: .customLong("data-dir"), help: "Where the SQLite database lives (default ~/.junction).")
    var dataDir: String?

    /// Runs `body` with the store open, closing it afterwards.
    func withStore<T: Sendable>(_ body: (any Store) async throws -> T) async throws -> T {
        var configuration = JunctionConfig()
        if let config {
            do { configuration = try ConfigLoader().load(path: config) } catch let error as ConfigError { exitWithError(error.description) }
        }
        if let dataDir { configuration.dataDir = dataDir }
        return try await StoreFactory.withStore(configuration, logger: Logger(label: "junction")) { try await body($0) }
    }
}
