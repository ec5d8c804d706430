import Foundation
import JunctionProviders
import JunctionRouting
import JunctionSaver
import JunctionStore
import JunctionWire
import Yams

/// Reads and validates a Junction YAML configuration.
///
/// Every problem is a ``ConfigError`` naming the file, the line and the field; the server does not
/// start with a configuration that fails here.
public struct ConfigLoader: Sendable {
    /// The variables `env:NAME` references are read from.
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Reads the file at `path`.
    public func load(path: String) throws -> JunctionConfig {
        let expanded = (path as NSString).expandingTildeInPath
        let text: String
        do {
            text = try String(contentsOfFile: expanded, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, line: nil, field: nil, message: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, file: path)
    }

    /// Parses YAML text; `file` only labels errors.
    public func parse(_ text: String, file: String? = nil) throws -> JunctionConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError(file: file, line: Self.line(of: error), field: nil, message: "not valid YAML: \(Self.problem(of: error))")
        }
        guard let root else { return try validate(JunctionConfig(), file: file) }
        let fields = try YAMLField(node: root, path: "", file: file)
            .mapping(allowed: [
                "listen", "data_dir", "client_keys", "providers", "combos", "timeouts", "saver", "routing", "admin_token",
                "metrics_token", "database",
            ])
        var config = JunctionConfig()
        config.file = file
        if let token = fields["admin_token"] { config.adminToken = try Self.token(token, environment: environment) }
        if let token = fields["metrics_token"] { config.metricsToken = try Self.token(token, environment: environment) }
        if let database = fields["database"] {
            let url = try database.secret(environment: environment)
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw database.error("expected postgres://user:password@host:port/database (leave it out for SQLite in data_dir)")
            }
            config.database = url
        }
        if let listen = fields["listen"] { config.listen = try Self.listenAddress(listen) }
        if let dataDir = fields["data_dir"] { config.dataDir = try dataDir.nonEmptyString() }
        if let timeouts = fields["timeouts"] { config.timeouts = try Self.timeouts(timeouts, defaults: .init()) }
        if let saver = fields["saver"] { config.saver = try Self.saverLevel(saver) }
        if let routing = fields["routing"] { config.routing = try Self.routingPolicy(routing) }
        if let keys = fields["client_keys"] { config.clientKeys = try keys.sequence().map(clientKey) }
        if let providers = fields["providers"] {
            config.providers = try providers.sequence().map { try provider($0, defaultTimeouts: config.timeouts) }
        }
        if let combos = fields["combos"] { config.combos = try combos.sequence().map(Self.combo) }
        return try validate(config, file: file, fields: fields)
    }

    /// A bearer token: at least 16 characters, so a guessable one cannot guard the admin API.
    private static func token(_ field: YAMLField, environment: [String: String]) throws -> String {
        let token = try field.secret(environment: environment)
        guard token.count >= 16 else { throw field.error("must be at least 16 characters") }
        return token
    }

    private func clientKey(_ field: YAMLField) throws -> ClientKey {
        let fields = try field.mapping(allowed: ["name", "key", "saver", "limits"])
        guard let name = fields["name"] else { throw field.error("a client key needs a name") }
        guard let key = fields["key"] else { throw field.error("a client key needs a key") }
        return ClientKey(
            name: try name.nonEmptyString(), key: try key.secret(environment: environment),
            saver: try fields["saver"].map(Self.saverLevel), limits: try fields["limits"].map(Self.keyLimits) ?? KeyLimits())
    }

    /// Parses one provider document (YAML or JSON, as the admin API stores it) with the file's rules.
    public func provider(document text: String, defaultTimeouts: UpstreamTimeouts, label: String) throws -> ProviderConfig {
        guard let node = try Yams.compose(yaml: text) else { throw ConfigError(file: label, line: nil, field: nil, message: "empty provider") }
        return try provider(YAMLField(node: node, path: "", file: label), defaultTimeouts: defaultTimeouts)
    }

    /// Parses one combo document (YAML or JSON) with the file's rules.
    public func combo(document text: String, label: String) throws -> ComboConfig {
        guard let node = try Yams.compose(yaml: text) else { throw ConfigError(file: label, line: nil, field: nil, message: "empty combo") }
        return try Self.combo(YAMLField(node: node, path: "", file: label))
    }

    private func provider(_ field: YAMLField, defaultTimeouts: UpstreamTimeouts) throws -> ProviderConfig {
        let fields = try field.mapping(allowed: [
            "id", "kind", "format", "base_url", "api_keys", "models", "timeouts", "account_selection", "budgets", "prices",
        ])
        guard let idField = fields["id"] else { throw field.error("a provider needs an id") }
        let id = try idField.nonEmptyString()
        guard !id.contains("/"), !id.contains(where: \.isWhitespace) else {
            throw idField.error("must not contain '/' or spaces")
        }
        var entry: ProviderCatalogEntry?
        if let kindField = fields["kind"] {
            let kind = try kindField.nonEmptyString()
            guard let found = ProviderCatalog.entry(kind) else {
                throw kindField.error("unknown kind '\(kind)' (known: \(ProviderCatalog.all.map(\.id).joined(separator: ", ")))")
            }
            entry = found
        }
        var format = entry?.format ?? APIFormat.openAIChat
        if let formatField = fields["format"] {
            let name = try formatField.nonEmptyString()
            guard let parsed = APIFormat(rawValue: name) else {
                throw formatField.error("unknown format '\(name)' (known: \(APIFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            format = parsed
        }
        var baseURL: String
        if let urlField = fields["base_url"] {
            baseURL = try urlField.nonEmptyString()
            guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                url.host != nil
            else { throw urlField.error("expected an http or https URL") }
        } else if let entry, entry.baseURLPlaceholders.isEmpty {
            baseURL = entry.baseURL
        } else if let entry {
            throw field.error("kind '\(entry.id)' needs a base_url (fill in \(entry.baseURLPlaceholders.joined(separator: ", ")))")
        } else {
            throw field.error("a provider needs a base_url (or a kind from the catalog)")
        }
        if baseURL.hasSuffix("/") { baseURL.removeLast() }
        let apiKeys = try fields["api_keys"]?.sequence().map { try $0.secret(environment: environment) } ?? []
        let models = try fields["models"]?.sequence().map { try $0.nonEmptyString() } ?? []
        let timeouts = try fields["timeouts"].map { try Self.timeouts($0, defaults: defaultTimeouts) } ?? defaultTimeouts
        var selection = AccountSelection.fillFirst
        if let selectionField = fields["account_selection"] {
            let text = try selectionField.nonEmptyString()
            guard let parsed = AccountSelection(rawValue: text) else {
                throw selectionField.error("unknown account_selection '\(text)' (known: fill-first, round-robin, least-used)")
            }
            selection = parsed
        }
        let budgets = try fields["budgets"]?.sequence().map(Self.budget) ?? []
        return ProviderConfig(
            id: id, format: format, baseURL: baseURL, apiKeys: apiKeys, models: models, timeouts: timeouts, kind: entry?.id,
            accountSelection: selection, budgets: budgets, prices: try fields["prices"].map(Self.prices) ?? [:])
    }

    private static func budget(_ field: YAMLField) throws -> AccountBudget {
        let fields = try field.mapping(allowed: ["window", "requests", "tokens"])
        guard let window = fields["window"] else { throw field.error("a budget needs a window, for example 5h") }
        let budget = AccountBudget(
            window: TimeInterval(try window.duration().components.seconds), maxRequests: try fields["requests"]?.int(),
            maxTokens: try fields["tokens"]?.int())
        guard budget.maxRequests != nil || budget.maxTokens != nil else { throw field.error("a budget needs requests or tokens") }
        return budget
    }

    private static func routingPolicy(_ field: YAMLField) throws -> RoutingPolicy {
        let fields = try field.mapping(allowed: ["max_attempts", "deadline", "max_retry_wait", "sticky", "errors"])
        var policy = RoutingPolicy()
        if let errors = fields["errors"] {
            let kinds = Set(ErrorKind.allCases.map(\.rawValue))
            for (kind, rule) in try errors.mapping(allowed: kinds).sorted(by: { $0.key < $1.key }) {
                let ruleFields = try rule.mapping(allowed: ["effect", "seconds", "next"])
                guard let effect = ruleFields["effect"] else { throw rule.error("a rule needs an effect") }
                let seconds = try ruleFields["seconds"].map { Self.seconds(try $0.duration()) }
                let standardNext = policy.errorTable.rule(for: ErrorKind(rawValue: kind)!).fallback.rawValue
                let next = try ruleFields["next"]?.nonEmptyString() ?? standardNext
                guard let table = policy.errorTable.setting(kind: kind, effect: try effect.nonEmptyString(), seconds: seconds, fallback: next) else {
                    throw rule.error(
                        "unknown effect or next step (effects: none, rest_until_reset, disable_account, disable_account_for_quota_window, "
                            + "disable_account_model, breaker; next: next, none, larger_context)")
                }
                policy.errorTable = table
            }
        }
        if let attempts = fields["max_attempts"] {
            policy.maxAttempts = try attempts.int()
            guard policy.maxAttempts >= 1 else { throw attempts.error("must be at least 1") }
        }
        if let deadline = fields["deadline"] { policy.deadline = Self.seconds(try deadline.duration()) }
        if let wait = fields["max_retry_wait"] { policy.maxRetryWait = Self.seconds(try wait.duration()) }
        if let sticky = fields["sticky"] { policy.stickyByDefault = try sticky.bool() }
        return policy
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func combo(_ field: YAMLField) throws -> ComboConfig {
        let fields = try field.mapping(allowed: ["name", "strategy", "targets", "tiers", "sticky", "saver"])
        guard let name = fields["name"] else { throw field.error("a combo needs a name") }
        var strategy = ComboStrategy.fallback
        if let strategyField = fields["strategy"] {
            let text = try strategyField.nonEmptyString()
            guard let parsed = ComboStrategy(rawValue: text) else {
                throw strategyField.error("unknown strategy '\(text)' (known: \(ComboStrategy.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            strategy = parsed
        }
        var tiers: [ComboTier] = []
        if let tiersField = fields["tiers"] {
            guard fields["targets"] == nil else { throw tiersField.error("give either targets or tiers, not both") }
            tiers = try tiersField.sequence().map { tierField in
                let tier = try tierField.mapping(allowed: ["name", "targets"])
                guard let targets = tier["targets"] else { throw tierField.error("a tier needs targets") }
                return ComboTier(name: try tier["name"]?.nonEmptyString(), targets: try Self.targets(targets))
            }
        } else if let targetsField = fields["targets"] {
            tiers = [ComboTier(name: nil, targets: try Self.targets(targetsField))]
        } else {
            throw field.error("a combo needs targets or tiers")
        }
        return ComboConfig(
            name: try name.nonEmptyString(), strategy: strategy, tiers: tiers, sticky: try fields["sticky"]?.bool() ?? false,
            saver: try fields["saver"].map(Self.saverLevel))
    }

    /// A list of targets: `provider/model`, a combo or a model name, or `{target: …, weight: 3}`.
    private static func targets(_ field: YAMLField) throws -> [ComboTarget] {
        let targets = try field.sequence()
        guard !targets.isEmpty else { throw field.error("needs at least one target") }
        return try targets.map { target in
            if target.member("target") != nil {
                let fields = try target.mapping(allowed: ["target", "weight"])
                let weight = try fields["weight"].map { Double(try $0.string()) } ?? 1
                guard let weight, weight > 0 else { throw target.error("weight must be a positive number") }
                return ComboTarget(try fields["target"]!.nonEmptyString(), weight: weight)
            }
            return ComboTarget(try target.nonEmptyString())
        }
    }

    private static func saverLevel(_ field: YAMLField) throws -> SaverLevel {
        let text = try field.nonEmptyString()
        guard let level = SaverLevel(rawValue: text) else {
            throw field.error("unknown saver level '\(text)' (known: off, safe, aggressive)")
        }
        return level
    }

    private static func listenAddress(_ field: YAMLField) throws -> ListenAddress {
        let text = try field.nonEmptyString()
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port)
        else { throw field.error("expected host:port, for example 127.0.0.1:20128") }
        let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard !host.isEmpty else { throw field.error("expected host:port, for example 127.0.0.1:20128") }
        return ListenAddress(host: host, port: port)
    }

    private static func timeouts(_ field: YAMLField, defaults: UpstreamTimeouts) throws -> UpstreamTimeouts {
        let fields = try field.mapping(allowed: ["connect", "first_byte", "idle"])
        var timeouts = defaults
        if let connect = fields["connect"] { timeouts.connect = try connect.duration() }
        if let firstByte = fields["first_byte"] { timeouts.firstByte = try firstByte.duration() }
        if let idle = fields["idle"] { timeouts.idle = try idle.duration() }
        return timeouts
    }

    /// Cross-field rules: unique names, and combo targets that name a configured provider.
    public func validate(_ config: JunctionConfig, file: String? = nil) throws -> JunctionConfig {
        try validate(config, file: file, fields: [:])
    }

    private func validate(_ config: JunctionConfig, file: String?, fields: [String: YAMLField]) throws -> JunctionConfig {
        func fail(_ section: String, _ index: Int, _ message: String, key: String? = nil) -> ConfigError {
            let element = (try? fields[section]?.sequence())?[safe: index]
            let line = key.flatMap { element?.member($0)?.line } ?? element?.line
            return ConfigError(file: file, line: line, field: "\(section)[\(index)]" + (key.map { ".\($0)" } ?? ""), message: message)
        }
        var providerIDs = Set<String>()
        for (index, provider) in config.providers.enumerated() where !providerIDs.insert(provider.id).inserted {
            throw fail("providers", index, "duplicate provider id '\(provider.id)'", key: "id")
        }
        var keyNames = Set<String>()
        for (index, key) in config.clientKeys.enumerated() where !keyNames.insert(key.name).inserted {
            throw fail("client_keys", index, "duplicate client key name '\(key.name)'", key: "name")
        }
        var comboNames = Set<String>()
        for (index, combo) in config.combos.enumerated() where !comboNames.insert(combo.name).inserted {
            throw fail("combos", index, "duplicate combo name '\(combo.name)'", key: "name")
        }
        let routing = RoutingSetup.routingConfig(config)
        for (index, combo) in config.combos.enumerated() {
            for target in combo.targets {
                if let slash = target.firstIndex(of: "/"), !comboNames.contains(target) {
                    let provider = String(target[..<slash])
                    guard target.index(after: slash) < target.endIndex else {
                        throw fail("combos", index, "target '\(target)' must be provider/model", key: "targets")
                    }
                    guard providerIDs.contains(provider) else {
                        throw fail("combos", index, "target '\(target)' names unknown provider '\(provider)'", key: "targets")
                    }
                } else if !comboNames.contains(target), !routing.providers.contains(where: { $0.model(named: target) != nil }) {
                    throw fail("combos", index, "target '\(target)' is not provider/model, a combo, or a model any provider lists", key: "targets")
                }
            }
        }
        if let problem = routing.validate().first {
            let index = config.combos.firstIndex { problem.cycle.contains($0.name) } ?? 0
            throw fail("combos", index, problem.message, key: "targets")
        }
        return config
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
