import Foundation
import JunctionRouting

/// One request of the simulated traffic.
public struct ScheduledRequest: Sendable, Hashable {
    /// The request's number, from 0, in order of arrival.
    public var index: Int
    /// When it arrives, in simulated seconds from the start (to the millisecond).
    public var time: TimeInterval
    /// The model it asks for.
    public var model: String
    public var stream: Bool

    /// Creates a scheduled request.
    public init(index: Int, time: TimeInterval, model: String, stream: Bool) {
        self.index = index
        self.time = time
        self.model = model
        self.stream = stream
    }

    /// The OpenAI Chat Completions body the simulator sends.
    public var body: [UInt8] {
        Array(#"{"model":"\#(model)","stream":\#(stream),"messages":[{"role":"user","content":"Simulated request \#(index)"}]}"#.utf8)
    }
}

/// The deterministic arrival times and kinds of a traffic profile, from a seeded generator.
public enum TrafficSchedule {
    /// Every request of `profile`, in arrival order; the same seed always gives the same schedule.
    public static func make(_ profile: TrafficProfile, seed: UInt64) -> [ScheduledRequest] {
        guard profile.rate > 0, profile.duration > 0, !profile.mix.isEmpty else { return [] }
        var random = SeededRandom(seed: seed ^ 0x5452_4146_4649_4321)
        let totalWeight = profile.mix.reduce(0) { $0 + max(0, $1.weight) }
        var requests: [ScheduledRequest] = []
        var time = 0.0
        while true {
            switch profile.arrivals {
            case .uniform:
                time = Double(requests.count) / profile.rate
            case .poisson:
                time += -log(1 - random.unit()) / profile.rate
            }
            let rounded = (time * 1000).rounded(.down) / 1000
            guard rounded < profile.duration else { break }
            let kind = pick(profile.mix, totalWeight: totalWeight, draw: random.unit())
            requests.append(ScheduledRequest(index: requests.count, time: rounded, model: kind.model, stream: kind.stream))
        }
        return requests
    }

    static func pick(_ mix: [RequestKind], totalWeight: Double, draw: Double) -> RequestKind {
        guard totalWeight > 0 else { return mix[0] }
        var remaining = draw * totalWeight
        for kind in mix {
            remaining -= max(0, kind.weight)
            if remaining < 0 { return kind }
        }
        return mix[mix.count - 1]
    }

    /// The schedule cut into clock steps: each group's requests arrive within one step of `step` seconds.
    public static func steps(_ requests: [ScheduledRequest], step: TimeInterval) -> [(time: TimeInterval, requests: [ScheduledRequest])] {
        let width = step > 0 ? step : 1
        var groups: [(time: TimeInterval, requests: [ScheduledRequest])] = []
        for request in requests {
            let start = (request.time / width).rounded(.down) * width
            if let last = groups.last, last.time == start {
                groups[groups.count - 1].requests.append(request)
            } else {
                groups.append((start, [request]))
            }
        }
        return groups
    }
}
