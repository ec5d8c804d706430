import ArgumentParser
import Foundation
import JunctionStore

/// `junction keys create|list|revoke`: client keys kept (hashed) in the store.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Create, list and revoke client keys.",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: JunctionSubcommand {
        static let configuration = CommandConfiguration(abstract: "Create a client key; it is printed once and stored only as a hash.")

        @Argument(help: "A name for the key (what the ledger and the dashboard show).")
        var name: String
        @Option(name: .customLong("rpm"), help: "Requests per minute.")
        var requestsPerMinute: Int?
        @Option(name: .customLong("tokens-per-day"), help: "Input plus output tokens per UTC day.")
        var tokensPerDay: Int?
        @Option(name: .customLong("usd-per-day"), help: "Dollars per UTC day.")
        var usdPerDay: Double?
        @Option(name: .customLong("usd-per-month"), help: "Dollars per UTC month.")
        var usdPerMonth: Double?
        @Option(name: .customLong("models"), help: "Comma-separated models or combos the key may use (default: all).")
        var models: String?
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let limits = KeyLimits(
                requestsPerMinute: requestsPerMinute, tokensPerDay: tokensPerDay,
                costMicrosPerDay: usdPerDay.map { Int(($0 * 1_000_000).rounded()) },
                costMicrosPerMonth: usdPerMonth.map { Int(($0 * 1_000_000).rounded()) },
                allowedModels: models.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
            let name = name
            let made = try await store.withStore { store -> String in
                if try await store.clientKeys().contains(where: { $0.name == name && !$0.isRevoked }) {
                    exitWithError("a key named '\(name)' exists already")
                }
                let made = ClientKeyMaker.make()
                try await store.saveClientKey(
                    StoredClientKey(id: made.id, name: name, hash: made.hash, prefix: made.prefix, createdAt: Date(), limits: limits))
                return "\(made.key)\t\(made.id)"
            }
            let parts = made.split(separator: "\t")
            print("Created key '\(name)' (\(parts[1])). Copy it now; it is not shown again:\n\n    \(parts[0])\n")
        }
    }

    struct List: JunctionSubcommand {
        static let configuration = CommandConfiguration(abstract: "List client keys (never the keys themselves).")
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let keys = try await store.withStore { try await $0.clientKeys() }
            guard !keys.isEmpty else {
                print("No keys made through the API or this command (keys in the YAML file are not listed).")
                return
            }
            let formatter = ISO8601DateFormatter()
            print(["id", "name", "prefix", "created", "state"].joined(separator: "\t"))
            for key in keys {
                let state = key.revokedAt.map { "revoked \(formatter.string(from: $0))" } ?? "active"
                print([key.id, key.name, key.prefix + "…", formatter.string(from: key.createdAt), state].joined(separator: "\t"))
            }
        }
    }

    struct Revoke: JunctionSubcommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a client key by id or name; its next call gets 401.")
        @Argument(help: "The key's id (key_…) or name.")
        var key: String
        @OptionGroup var store: StoreOptions

        func execute() async throws {
            let wanted = key
            let revoked = try await store.withStore { store -> String? in
                guard var found = try await store.clientKeys().first(where: { ($0.id == wanted || $0.name == wanted) && !$0.isRevoked }) else {
                    return nil
                }
                found.revokedAt = Date()
                try await store.saveClientKey(found)
                return found.id
            }
            guard let revoked else { exitWithError("no active key '\(wanted)'") }
            print("Revoked \(revoked).")
        }
    }
}
