import ArgumentParser
import Foundation
import JunctionGateway
import JunctionServer
import JunctionStore
import Logging
import ServiceLifecycle

/// `junction serve`: run the router.
struct ServeCommand: JunctionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the router on 127.0.0.1:20128 (or the configured address).")

    @Option(help: "The YAML configuration file.")
    var config: String?

    @Option(help: "The address to listen on (overrides 'listen').")
    var host: String?

    @Option(help: "The port to listen on (overrides 'listen').")
    var port: Int?

    @Option(name: .customLong("data-dir"), help: "Where the database lives (default ~/.junction).")
    var dataDir: String?

    func execute() async throws {
        let logger = LogSetup.bootstrap()
        var configuration: JunctionConfig
        do {
            if let config {
                configuration = try ConfigLoader().load(path: config)
            } else {
                logger.warning("no --config given: serving with no providers")
                configuration = JunctionConfig()
            }
            if let host { configuration.listen.host = host }
            if let port { configuration.listen.port = port }
            if let dataDir { configuration.dataDir = dataDir }
        } catch let error as ConfigError {
            exitWithError(error.description)
        }
        let runtime: JunctionRuntime
        do {
            runtime = try await JunctionRuntime(config: configuration, logger: logger)
        } catch {
            exitWithError("\(error)")
        }
        let listen = configuration.listen
        let effective = runtime.gateway.config
        let counts = (providers: effective.providers.count, combos: effective.combos.count)
        let store = runtime.store.label
        let group = runtime.makeServiceGroup { port in
            let address = ListenAddress(host: listen.host, port: port)
            logger.info(
                "junction listening",
                metadata: [
                    "address": "\(address)", "dashboard": "http://\(address)/dashboard", "store": "\(store)",
                    "providers": "\(counts.providers)", "combos": "\(counts.combos)",
                ])
        }
        do {
            try await group.run()
        } catch {
            exitWithError("\(error)")
        }
    }
}
