import Foundation

/// Moving averages of time to first token and of output throughput for one provider+model.
public struct LatencyStats: Sendable, Hashable, Codable {
    /// Exponentially weighted mean time to first token, in seconds.
    public var timeToFirstToken: Double?
    /// Exponentially weighted mean output tokens per second.
    public var tokensPerSecond: Double?
    /// How many samples were folded in.
    public var samples: Int
    /// When the last sample arrived.
    public var lastSampleAt: Date?

    /// Creates empty statistics.
    public init(timeToFirstToken: Double? = nil, tokensPerSecond: Double? = nil, samples: Int = 0, lastSampleAt: Date? = nil) {
        self.timeToFirstToken = timeToFirstToken
        self.tokensPerSecond = tokensPerSecond
        self.samples = samples
        self.lastSampleAt = lastSampleAt
    }

    /// Folds in one observation with smoothing factor `alpha` (weight of the new sample).
    public mutating func add(timeToFirstToken ttft: Double?, tokensPerSecond tps: Double?, at now: Date, alpha: Double) {
        if let ttft {
            timeToFirstToken = timeToFirstToken.map { $0 + alpha * (ttft - $0) } ?? ttft
        }
        if let tps {
            tokensPerSecond = tokensPerSecond.map { $0 + alpha * (tps - $0) } ?? tps
        }
        samples += 1
        lastSampleAt = now
    }
}
