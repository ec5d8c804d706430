import Foundation

/// One request's route: the planned attempts still to try, what was skipped, what happened.
///
/// Owned by the request's task; the ``RoutingEngine`` (or ``SharedRouter``) hands out attempts from it with
/// `next` and feeds outcomes back with `record`, re-checking live health each time.
public struct RouteSession: Sendable, Hashable {
    /// The request being routed.
    public let request: RouteRequest
    /// When the request started.
    public let startedAt: Date
    /// After this, no further attempt is handed out.
    public let deadline: Date
    /// Attempts not yet handed out, in order.
    public internal(set) var pending: [Attempt]
    /// Targets and accounts passed over, with reasons (at planning and while failing over).
    public internal(set) var skipped: [SkippedTarget]
    /// Attempts made so far and their outcomes.
    public internal(set) var trace: [RouteTraceEntry]
    /// The classification of the most recent failure.
    public internal(set) var lastFailure: ErrorClassification?
    /// Set after a context-too-long failure: only targets with a window known to be larger may follow.
    public internal(set) var contextCeiling: Int?
    /// Why the session stopped handing out attempts, once it has.
    public internal(set) var stopReason: StopReason?
    /// Health changes caused by this request's outcomes (persist the health state when not empty).
    public internal(set) var healthEvents: [HealthEvent] = []

    /// Why a session has nothing more to try.
    public enum StopReason: String, Sendable, Hashable, Codable {
        /// An attempt succeeded.
        case committed
        /// The error went back to the client (no fallback for it).
        case returnedToClient = "returned"
        /// Every planned attempt was used or skipped.
        case exhausted
        /// The attempt cap was reached.
        case attemptCap = "attempt_cap"
        /// The deadline passed.
        case deadline
    }

    init(request: RouteRequest, startedAt: Date, deadline: Date, pending: [Attempt], skipped: [SkippedTarget]) {
        self.request = request
        self.startedAt = startedAt
        self.deadline = deadline
        self.pending = pending
        self.skipped = skipped
        self.trace = []
    }

    /// The number of attempts handed out so far.
    public var attemptsMade: Int { trace.count }

    /// The `x-junction-route` header value: `oai/gpt-4o#1:429,backup/gpt-4o-mini#0:ok`.
    public var routeHeader: String {
        trace.map(\.rendered).joined(separator: ",")
    }

    /// The earliest time a skipped account or target comes back, for a `Retry-After` on a final 503.
    public var retryAfter: Date? {
        skipped.compactMap(\.reason.until).min()
    }
}

/// One attempt in the route trace.
public struct RouteTraceEntry: Sendable, Hashable, Codable {
    /// The provider id.
    public var provider: String
    /// The upstream model id.
    public var model: String
    /// The account index.
    public var account: Int
    /// The tier, if any.
    public var tier: String?
    /// `ok`, an HTTP status, or a transport failure name (`timeout`, `connection`, `stall`, `empty`,
    /// `stream-error`); empty while the attempt is under way.
    public var outcome: String
    /// The error class of a failure.
    public var errorKind: ErrorKind?

    /// `provider/model#account:outcome`.
    public var rendered: String {
        "\(provider)/\(model)#\(account):\(outcome.isEmpty ? "pending" : outcome)"
    }
}
