/// The time buckets usage is summed into: UTC hours, UTC days, or one bucket for the whole window.
public enum UsageBucket: String, Sendable, Hashable, CaseIterable {
    case hour
    case day
    case all
}

/// What usage rows are grouped by within a bucket.
public enum UsageGrouping: String, Sendable, Hashable, CaseIterable {
    /// The client key's name.
    case key
    /// The provider that served (or was last tried).
    case provider
    /// `provider/model`, the upstream model with its provider (model names repeat across providers).
    case model
    /// The combo the client named.
    case combo
}
