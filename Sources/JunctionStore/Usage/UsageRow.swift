public import Foundation

/// Usage summed over one bucket and one group (or over everything, for the totals).
public struct UsageRow: Sendable, Hashable {
    /// The start of the UTC hour or day; for ``UsageBucket/all`` and for totals, the query's `since`.
    public var start: Date
    /// The group's value; `nil` when ungrouped or when the ledger had no value (no key, no combo…).
    public var group: String?
    public var requests: Int
    /// Requests whose client got a status of 400 or above.
    public var errors: Int
    public var inputTokens: Int
    public var cachedTokens: Int
    public var outputTokens: Int
    /// Cost at catalog prices, in micro-dollars.
    public var costMicros: Int
    /// Tool-output tokens the token saver removed.
    public var savedTokens: Int
    /// Nearest-rank median of the latencies, in milliseconds; 0 when there were no requests.
    public var p50Ms: Int
    /// Nearest-rank 95th percentile of the latencies, in milliseconds; 0 when there were no requests.
    public var p95Ms: Int

    public init(
        start: Date, group: String?, requests: Int = 0, errors: Int = 0, inputTokens: Int = 0, cachedTokens: Int = 0,
        outputTokens: Int = 0, costMicros: Int = 0, savedTokens: Int = 0, p50Ms: Int = 0, p95Ms: Int = 0
    ) {
        self.start = start
        self.group = group
        self.requests = requests
        self.errors = errors
        self.inputTokens = inputTokens
        self.cachedTokens = cachedTokens
        self.outputTokens = outputTokens
        self.costMicros = costMicros
        self.savedTokens = savedTokens
        self.p50Ms = p50Ms
        self.p95Ms = p95Ms
    }
}
