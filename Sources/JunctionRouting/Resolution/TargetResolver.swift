import JunctionWire

/// Turns a model string into ordered targets: `provider/model`, a combo (nested, tiered, with its
/// strategy applied), or a logical model served by several providers.
struct TargetResolver {
    let config: RoutingConfig
    let health: HealthState
    let inputTokens: Int
    let outputTokens: Int

    /// Resolves `ref`; throws an unknown-model error naming the closest known models, or a cycle error.
    func resolve(_ ref: String, state: inout StrategyState) throws(RoutingError) -> [ResolvedTarget] {
        try resolve(ref, path: [], state: &state)
    }

    private func resolve(_ ref: String, path: [String], state: inout StrategyState) throws(RoutingError) -> [ResolvedTarget] {
        if let combo = config.combo(ref) {
            if let start = path.firstIndex(of: ref) {
                throw .comboCycle(Array(path[start...]) + [ref])
            }
            return try expand(combo, path: path + [ref], state: &state)
        }
        if let slash = ref.firstIndex(of: "/") {
            let prefix = String(ref[..<slash])
            let rest = String(ref[ref.index(after: slash)...])
            if let provider = config.provider(prefix) {
                if let profile = provider.model(named: rest) {
                    return [ResolvedTarget(provider: provider.id, model: profile.id, profile: profile, format: provider.format)]
                }
                if provider.acceptsUnlistedModels, !rest.isEmpty {
                    return [ResolvedTarget(provider: provider.id, model: rest, profile: nil, format: provider.format)]
                }
            }
        }
        let logical = logicalTargets(ref)
        if !logical.isEmpty { return logical }
        throw .unknownModel(ref, suggestions: ModelSuggester.suggestions(for: ref, among: knownNames()))
    }

    /// The providers serving a bare model name, ordered by the policy.
    private func logicalTargets(_ name: String) -> [ResolvedTarget] {
        let targets = config.providers.compactMap { provider -> ResolvedTarget? in
            guard let profile = provider.model(named: name) else { return nil }
            return ResolvedTarget(provider: provider.id, model: profile.id, profile: profile, format: provider.format)
        }
        switch config.policy.logicalModelOrder {
        case .configuration: return targets
        case .price: return TargetOrdering.byCost(targets, input: inputTokens, output: outputTokens)
        case .latency: return TargetOrdering.byLatency(targets, health: health)
        }
    }

    private func expand(_ combo: ComboConfig, path: [String], state: inout StrategyState) throws(RoutingError) -> [ResolvedTarget] {
        var result: [ResolvedTarget] = []
        for (index, tier) in combo.tiers.enumerated() {
            var entries: [[ResolvedTarget]] = []
            var weights: [Double] = []
            for target in tier.targets {
                var expanded = try resolve(target.ref, path: path, state: &state)
                guard !expanded.isEmpty else { continue }
                for i in expanded.indices {
                    if expanded[i].tier == nil || tier.name != nil { expanded[i].tier = tier.name ?? expanded[i].tier }
                    if expanded[i].combo == nil { expanded[i].combo = combo.name }
                    expanded[i].weight = target.weight
                }
                entries.append(expanded)
                weights.append(target.weight)
            }
            let order = TargetOrdering.order(
                entries.map { $0[0] }, weights: weights, strategy: combo.strategy,
                rotationKey: "\(combo.name)#\(index)", health: health,
                input: inputTokens, output: outputTokens,
                exploration: config.policy.explorationRate, state: &state
            )
            for position in order { result.append(contentsOf: entries[position]) }
        }
        return result
    }

    /// Every model string a client could have meant: combos, `provider/model`, logical names.
    func knownNames() -> [String] {
        var names = config.combos.map(\.name)
        for provider in config.providers {
            for model in provider.models {
                names.append("\(provider.id)/\(model.id)")
                names.append(model.id)
                names.append(contentsOf: model.aliases)
            }
        }
        return names
    }
}

extension RoutingConfig {
    /// Checks every combo for cycles and unknown members; returns the problems found (empty when valid).
    public func validate() -> [RoutingError] {
        var problems: [RoutingError] = []
        var state = StrategyState()
        let resolver = TargetResolver(config: self, health: HealthState(), inputTokens: 0, outputTokens: 0)
        for combo in combos {
            do { _ = try resolver.resolve(combo.name, state: &state) } catch {
                if !problems.contains(error) { problems.append(error) }
            }
        }
        return problems
    }
}
