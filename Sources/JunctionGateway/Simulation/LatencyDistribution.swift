import Foundation
import JunctionRouting

/// A latency distribution given by its median and 95th percentile, drawn as a lognormal.
///
/// `latency_ms: {p50: 800, p95: 2500}` gives a median of 800 ms and a long right tail; equal values
/// give a fixed latency.
public struct LatencyDistribution: Sendable, Hashable {
    /// The median, in simulated milliseconds.
    public var p50: Double
    /// The 95th percentile, in simulated milliseconds (at least the median).
    public var p95: Double

    /// Creates a distribution.
    public init(p50: Double, p95: Double) {
        self.p50 = p50
        self.p95 = max(p50, p95)
    }

    /// The standard normal quantile of 0.95.
    static let z95 = 1.6448536269514722

    /// The latency for two independent uniform draws in `0 ..< 1` (Box–Muller), in simulated milliseconds.
    public func sample(_ u1: Double, _ u2: Double) -> Double {
        guard p50 > 0, p95 > p50 else { return max(0, p50) }
        let sigma = (log(p95) - log(p50)) / Self.z95
        let normal = (-2 * log(max(u1, 1e-12))).squareRoot() * cos(2 * .pi * u2)
        return exp(log(p50) + sigma * normal)
    }
}

/// Deterministic random draws keyed by what they are for, so a draw does not depend on the order
/// in which concurrent requests happen to arrive.
public struct SimulationDraws: Sendable, Hashable {
    public var seed: UInt64

    /// Creates draws for a scenario's seed.
    public init(seed: UInt64) { self.seed = seed }

    /// A uniform value in `0 ..< 1` for the given keys.
    public func unit(_ keys: UInt64...) -> Double {
        var state = seed
        for key in keys {
            var generator = SeededRandom(seed: state ^ (key &* 0x9E37_79B9_7F4A_7C15))
            state = generator.next()
        }
        var generator = SeededRandom(seed: state)
        return generator.unit()
    }

    /// A stable number for a text key (FNV-1a), for keying draws by provider id.
    public static func key(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
