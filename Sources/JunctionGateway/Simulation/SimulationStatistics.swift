import Foundation

/// What happened to one simulated request.
public struct SimulatedOutcome: Sendable, Hashable {
    public var request: ScheduledRequest
    /// The status the client got.
    public var status: Int
    /// The provider that answered last (`x-junction-provider`), if any was tried.
    public var provider: String?
    /// The tier of the last attempt (`x-junction-tier`), if the combo names its tiers.
    public var tier: String?
    /// The attempts, in order, from `x-junction-route`.
    public var route: [RouteStep]
    /// The client's latency in simulated milliseconds.
    public var latencyMs: Double

    /// Creates an outcome.
    public init(request: ScheduledRequest, status: Int, provider: String?, tier: String?, route: [RouteStep], latencyMs: Double) {
        self.request = request
        self.status = status
        self.provider = provider
        self.tier = tier
        self.route = route
        self.latencyMs = latencyMs
    }

    /// Whether the client got a 2xx answer.
    public var succeeded: Bool { (200..<300).contains(status) }
    /// Whether more than one attempt was made.
    public var fellBack: Bool { route.count > 1 }
    /// The `provider/model` of the last attempt, or `(none)` when nothing could be tried.
    public var target: String { route.last?.target ?? "(none)" }
}

/// One attempt of a route, parsed from `provider/model#account:outcome`.
public struct RouteStep: Sendable, Hashable {
    /// `provider/model`.
    public var target: String
    /// `ok`, a status, or a failure such as `timeout`.
    public var outcome: String

    /// Creates a step.
    public init(target: String, outcome: String) {
        self.target = target
        self.outcome = outcome
    }

    /// The steps of an `x-junction-route` header.
    public static func parse(_ header: String?) -> [RouteStep] {
        guard let header, !header.isEmpty else { return [] }
        return header.split(separator: ",").map { item in
            let text = String(item)
            let colon = text.lastIndex(of: ":")
            let head = colon.map { String(text[..<$0]) } ?? text
            let outcome = colon.map { String(text[text.index(after: $0)...]) } ?? ""
            let target = head.split(separator: "#", maxSplits: 1).first.map(String.init) ?? head
            return RouteStep(target: target, outcome: outcome)
        }
    }
}

/// Figures for a group of requests (all of them, one tier or one target).
public struct GroupStatistics: Sendable, Hashable {
    public var name: String
    public var count: Int
    /// This group's part of all requests, from 0 to 1.
    public var share: Double
    /// The part of this group's requests that succeeded.
    public var successRate: Double
    /// Percentiles of the latency of successful requests, in simulated milliseconds (`nil` with none).
    public var p50: Double?
    public var p95: Double?
    /// The part of this group's requests that needed more than one attempt.
    public var fallbackRate: Double

    /// The figures for `outcomes`, out of `total` requests in all.
    public init(name: String, outcomes: [SimulatedOutcome], total: Int) {
        self.name = name
        count = outcomes.count
        share = total > 0 ? Double(outcomes.count) / Double(total) : 0
        let served = outcomes.filter(\.succeeded)
        successRate = outcomes.isEmpty ? 0 : Double(served.count) / Double(outcomes.count)
        let latencies = served.map(\.latencyMs).sorted()
        p50 = Percentile.nearestRank(latencies, 50)
        p95 = Percentile.nearestRank(latencies, 95)
        fallbackRate = outcomes.isEmpty ? 0 : Double(outcomes.filter(\.fellBack).count) / Double(outcomes.count)
    }
}

/// Percentiles by the nearest-rank method: the smallest value with at least p % of values at or below it.
public enum Percentile {
    /// The `percent` percentile of `sorted` (ascending), or `nil` when it is empty.
    public static func nearestRank(_ sorted: [Double], _ percent: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

/// The figures of a whole run: overall, per tier and per target.
public struct SimulationSummary: Sendable, Hashable {
    public var overall: GroupStatistics
    /// One row per tier, in order of first appearance; requests of an unnamed tier are under `-`.
    public var tiers: [GroupStatistics]
    /// One row per final `provider/model`, in order of first appearance.
    public var targets: [GroupStatistics]

    /// Summarises a run's outcomes.
    public init(_ outcomes: [SimulatedOutcome]) {
        overall = GroupStatistics(name: "all", outcomes: outcomes, total: outcomes.count)
        tiers = Self.grouped(outcomes) { $0.tier ?? "-" }
        targets = Self.grouped(outcomes, by: \.target)
    }

    static func grouped(_ outcomes: [SimulatedOutcome], by key: (SimulatedOutcome) -> String) -> [GroupStatistics] {
        var order: [String] = []
        var groups: [String: [SimulatedOutcome]] = [:]
        for outcome in outcomes {
            let name = key(outcome)
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(outcome)
        }
        return order.map { GroupStatistics(name: $0, outcomes: groups[$0] ?? [], total: outcomes.count) }
    }
}
