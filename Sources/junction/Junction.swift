import ArgumentParser
import Foundation
import Logging

/// The `junction` command line.

struct Junction: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "junction",
        abstract: "A self-hosted AI router: one local endpoint, every provider behind it.",
        subcommands: [
            ServeCommand.self, DemoCommand.self, MockCommand.self, CompressCommand.self, UsageCommand.self, KeysCommand.self,
            AdminCommand.self, SimulateCommand.self,
        ])
}

/// A subcommand whose work is `execute()`, called directly by `main.swift`.
protocol JunctionSubcommand: AsyncParsableCommand {
    func execute() async throws
}

extension JunctionSubcommand {
    func run() async throws { try await execute() }
}

/// Sets up swift-log once: standard error, level from `LOG_LEVEL` (default `info`).
enum LogSetup {
    static func bootstrap(defaultLevel: Logger.Level = .info) -> Logger {
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? defaultLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "junction")
    }
}

/// Prints `junction: error: …` to standard error and exits with status 1.
func exitWithError(_ message: String) -> Never {
    FileHandle.standardError.write(Data("junction: error: \(message)\n".utf8))
    Foundation.exit(1)
}
