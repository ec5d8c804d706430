public import Foundation

/// Filters and paging for the request log, newest first.
public struct RequestLogQuery: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        /// Status below 400.
        case success
        /// Status 400 or above.
        case failure
    }

    public var since: Date?
    public var until: Date?
    public var clientKey: String?
    public var provider: String?
    /// Matches the requested model or the upstream model.
    public var model: String?
    public var combo: String?
    /// One request, by the id Junction gave it.
    public var requestID: String?
    public var outcome: Outcome?
    /// Only rows with an id below this one: pass the last id of a page to get the next.
    public var beforeID: Int64?
    /// Only rows with an id above this one (for following a live log).
    public var afterID: Int64?
    public var limit: Int

    public init(
        since: Date? = nil, until: Date? = nil, clientKey: String? = nil, provider: String? = nil, model: String? = nil,
        combo: String? = nil, requestID: String? = nil, outcome: Outcome? = nil, beforeID: Int64? = nil, afterID: Int64? = nil, limit: Int = 50
    ) {
        self.since = since
        self.until = until
        self.clientKey = clientKey
        self.provider = provider
        self.model = model
        self.combo = combo
        self.requestID = requestID
        self.outcome = outcome
        self.beforeID = beforeID
        self.afterID = afterID
        self.limit = limit
    }
}
