import JunctionWire
import Foundation

/// The combo strategies: each orders a tier's entries, returning their positions in the new order.
enum TargetOrdering {
    static func order(
        _ heads: [ResolvedTarget], weights: [Double], strategy: ComboStrategy, rotationKey: String,
        health: HealthState, input: Int, output: Int, exploration: Double, state: inout StrategyState
    ) -> [Int] {
        let count = heads.count
        guard count > 1 else { return Array(0..<count) }
        switch strategy {
        case .fallback:
            return Array(0..<count)
        case .roundRobin:
            let start = state.rotations[rotationKey, default: 0] % count
            state.rotations[rotationKey] = start + 1
            return (0..<count).map { ($0 + start) % count }
        case .weighted:
            return weightedOrder(weights, random: &state.random)
        case .lowestLatency:
            var order = Array(0..<count).sorted { latencyRank(heads[$0], health) < latencyRank(heads[$1], health) }
            if state.random.unit() < exploration {
                let pick = 1 + Int(state.random.next() % UInt64(count - 1))
                order.insert(order.remove(at: pick), at: 0)
            }
            return order
        case .lowestCost:
            return Array(0..<count).sorted { costRank(heads[$0], input, output) < costRank(heads[$1], input, output) }
        }
    }

    /// Draws positions one by one in proportion to their weights, without replacement.
    static func weightedOrder(_ weights: [Double], random: inout SeededRandom) -> [Int] {
        var remaining = Array(weights.indices)
        var order: [Int] = []
        while !remaining.isEmpty {
            let total = remaining.reduce(0) { $0 + max(0, weights[$1]) }
            guard total > 0 else { order.append(contentsOf: remaining); break }
            var draw = random.unit() * total
            var chosen = remaining.count - 1
            for (slot, index) in remaining.enumerated() {
                draw -= max(0, weights[index])
                if draw < 0 { chosen = slot; break }
            }
            order.append(remaining.remove(at: chosen))
        }
        return order
    }

    /// Unmeasured targets rank first (so they get measured), then by moving-average time to first token.
    static func latencyRank(_ target: ResolvedTarget, _ health: HealthState) -> Double {
        health.latency[target.key]?.timeToFirstToken ?? -1
    }

    /// The estimated cost; unknown prices rank last.
    static func costRank(_ target: ResolvedTarget, _ input: Int, _ output: Int) -> Double {
        target.profile?.prices?.cost(inputTokens: input, outputTokens: output) ?? .infinity
    }

    /// Throughput ranks highest first; unmeasured last.
    static func throughputRank(_ target: ResolvedTarget, _ health: HealthState) -> Double {
        -(health.latency[target.key]?.tokensPerSecond ?? -1)
    }

    static func byCost(_ targets: [ResolvedTarget], input: Int, output: Int) -> [ResolvedTarget] {
        stableSorted(targets) { costRank($0, input, output) }
    }

    static func byLatency(_ targets: [ResolvedTarget], health: HealthState) -> [ResolvedTarget] {
        stableSorted(targets) { latencyRank($0, health) }
    }

    static func stableSorted(_ targets: [ResolvedTarget], by rank: (ResolvedTarget) -> Double) -> [ResolvedTarget] {
        targets.enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }
}
