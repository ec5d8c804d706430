import ArgumentParser
import Foundation
import JunctionServer

/// `junction admin set-password`: the dashboard's admin password, read from standard input.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Administer the dashboard.", subcommands: [SetPassword.self])

    struct SetPassword: JunctionSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password", abstract: "Set the dashboard's admin password (read from standard input, one line).")
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            if isatty(STDIN_FILENO) != 0 { FileHandle.standardError.write(Data("New admin password: ".utf8)) }
            guard let line = readLine(strippingNewline: true), line.count >= 8 else {
                exitWithError("the password must be at least 8 characters")
            }
            try await store.withStore { try await AdminPassword(store: $0).set(line, now: Date()) }
            print("The admin password is set; log in at /dashboard.")
        }
    }
}
