import Foundation
import Yams

/// Reads a simulation scenario from YAML; every problem is a ``ConfigError`` naming the line and field.
///
/// ```yaml
/// name: the primary provider goes down for ten minutes
/// seed: 7
/// time_scale: 100              # simulated seconds per real second
/// traffic: {rate: 30/m, duration: 30m, concurrency: 4, mix: [{model: coding}]}
/// providers:                   # how each provider of the junction section behaves
///   - id: primary
///     latency_ms: {p50: 800, p95: 2500}
///     outages: [{from: 10m, to: 20m, status: 503}]
/// junction: {…}                # a Junction configuration; base_url may be left out
/// slos: {success_rate: 99.5%, p95_latency: 4s}
/// ```
public struct SimulationScenarioLoader: Sendable {
    /// The loader for the `junction:` section (its environment resolves `env:` keys).
    public var configLoader: ConfigLoader

    /// Creates a loader.
    public init(configLoader: ConfigLoader = ConfigLoader()) {
        self.configLoader = configLoader
    }

    /// Reads the scenario file at `path`.
    public func load(path: String) throws -> SimulationScenario {
        let text: String
        do {
            text = try String(contentsOfFile: (path as NSString).expandingTildeInPath, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, line: nil, field: nil, message: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, file: path)
    }

    /// Parses scenario YAML; `file` only labels errors.
    public func parse(_ text: String, file: String? = nil) throws -> SimulationScenario {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigError(file: file, line: nil, field: nil, message: "not valid YAML: \(error)")
        }
        guard let root else { throw ConfigError(file: file, line: nil, field: nil, message: "the scenario is empty") }
        let top = YAMLField(node: root, path: "", file: file)
        let fields = try top.mapping(allowed: ["name", "description", "seed", "time_scale", "traffic", "providers", "junction", "slos"])
        guard let trafficField = fields["traffic"] else { throw top.error("a scenario needs traffic") }
        guard let providersField = fields["providers"] else { throw top.error("a scenario needs providers (how each one behaves)") }
        guard let junctionField = fields["junction"] else { throw top.error("a scenario needs a junction section (the configuration to route with)") }
        var seed: UInt64 = 1
        if let seedField = fields["seed"] {
            guard let value = UInt64(try seedField.string()) else { throw seedField.error("expected a whole number of at least 0") }
            seed = value
        }
        var timeScale = 100.0
        if let scaleField = fields["time_scale"] {
            timeScale = try ScenarioFields.number(scaleField)
            guard timeScale > 0 else { throw scaleField.error("must be positive") }
        }
        let traffic = try ScenarioFields.traffic(trafficField)
        let providers = try providersField.sequence().map(ScenarioFields.provider)
        let config = try ScenarioJunctionSection.config(junctionField, loader: configLoader)
        try check(providers: providers, field: providersField, config: config, junction: junctionField)
        try check(traffic: traffic, field: trafficField, config: config)
        return SimulationScenario(
            name: try fields["name"]?.nonEmptyString() ?? file.map { ($0 as NSString).lastPathComponent } ?? "scenario",
            seed: seed, timeScale: timeScale, traffic: traffic, providers: providers, config: config,
            objectives: try fields["slos"].map(ScenarioFields.objectives) ?? [])
    }

    /// Every configured provider is simulated, and every simulated one is configured, once.
    private func check(providers: [SimulatedProvider], field: YAMLField, config: JunctionConfig, junction: YAMLField) throws {
        let elements = try field.sequence()
        var seen = Set<String>()
        for (index, provider) in providers.enumerated() {
            let element = elements[index].member("id") ?? elements[index]
            guard seen.insert(provider.id).inserted else { throw element.error("provider '\(provider.id)' is simulated twice") }
            guard config.provider(id: provider.id) != nil else {
                throw element.error("'\(provider.id)' is not a provider of the junction section")
            }
        }
        for (index, provider) in config.providers.enumerated() where !seen.contains(provider.id) {
            let element = (try? junction.member("providers")?.sequence())?[safe: index]
            throw (element ?? junction).error("provider '\(provider.id)' has no simulated behaviour under providers")
        }
    }

    /// The request mix asks for models the configuration knows (a combo or a provider/model).
    private func check(traffic: TrafficProfile, field: YAMLField, config: JunctionConfig) throws {
        let mix = (try? field.member("mix")?.sequence()) ?? []
        for (index, kind) in traffic.mix.enumerated() {
            let known = config.combo(named: kind.model) != nil
                || config.providers.contains { kind.model.hasPrefix("\($0.id)/") }
                || config.providers.contains { $0.models.contains(kind.model) }
            guard known else {
                let element = mix[safe: index].flatMap { $0.member("model") } ?? field
                throw element.error("model '\(kind.model)' is neither a combo nor provider/model of the junction section")
            }
        }
    }
}
