/// Applies a request's `provider.order`, `allow_fallbacks` and `sort`, within each tier.
enum PreferenceOrdering {
    static func apply(
        _ preferences: ProviderPreferences, to targets: [ResolvedTarget], health: HealthState,
        input: Int, output: Int, skipped: inout [SkippedTarget]
    ) -> [ResolvedTarget] {
        var targets = targets
        if !preferences.order.isEmpty, !preferences.allowFallbacks {
            targets = targets.filter { target in
                if preferences.order.contains(target.provider) { return true }
                skipped.append(SkippedTarget(provider: target.provider, model: target.model, reason: .excludedByPreferences("not in order, allow_fallbacks false")))
                return false
            }
        }
        // Group consecutive targets of the same tier, so that tiers stay in their configured order.
        var groups: [[ResolvedTarget]] = []
        for target in targets {
            if let last = groups.last?.last, last.tier == target.tier {
                groups[groups.count - 1].append(target)
            } else {
                groups.append([target])
            }
        }
        return groups.flatMap { group -> [ResolvedTarget] in
            var group = group
            if let sort = preferences.sort {
                switch sort {
                case .price: group = TargetOrdering.byCost(group, input: input, output: output)
                case .latency: group = TargetOrdering.byLatency(group, health: health)
                case .throughput: group = TargetOrdering.stableSorted(group) { TargetOrdering.throughputRank($0, health) }
                }
            }
            if !preferences.order.isEmpty {
                group = TargetOrdering.stableSorted(group) { target in
                    preferences.order.firstIndex(of: target.provider).map(Double.init) ?? Double(preferences.order.count)
                }
            }
            return group
        }
    }
}
