import Foundation
public import JunctionWire

/// One upstream attempt the gateway should make: which provider, account and model, in which format.
public struct Attempt: Sendable, Hashable {
    /// The provider id.
    public var provider: String
    /// The account index within the provider.
    public var account: Int
    /// The model id to send upstream.
    public var upstreamModel: String
    /// The provider's API format.
    public var format: APIFormat
    /// The combo tier this attempt belongs to, if any.
    public var tier: String?
    /// The innermost combo the target came from, if any.
    public var combo: String?
    /// What is known of the model (context window, capabilities, prices).
    public var profile: ModelProfile?
    /// The attempt's number within the request, from 1.
    public var number: Int
    /// Whether this attempt is a half-open breaker's single probe.
    public var isProbe: Bool

    /// Creates an attempt.
    public init(
        provider: String, account: Int, upstreamModel: String, format: APIFormat,
        tier: String? = nil, combo: String? = nil, profile: ModelProfile? = nil, number: Int = 0, isProbe: Bool = false
    ) {
        self.provider = provider
        self.account = account
        self.upstreamModel = upstreamModel
        self.format = format
        self.tier = tier
        self.combo = combo
        self.profile = profile
        self.number = number
        self.isProbe = isProbe
    }

    /// The account+model key health is kept under.
    public var key: AccountModelKey {
        AccountModelKey(provider: provider, account: account, model: upstreamModel)
    }

    /// `provider/model#account`, as in the route header.
    public var label: String { "\(provider)/\(upstreamModel)#\(account)" }
}

/// What happened to an attempt, as the gateway reports it.
public enum AttemptOutcome: Sendable, Hashable {
    /// The attempt produced real content (it was committed to the client).
    case success(AttemptSuccess)
    /// The attempt failed.
    case failure(AttemptFailure)
}

/// Facts about a successful attempt that feed health, quota and latency.
public struct AttemptSuccess: Sendable, Hashable {
    /// The response header fields (rate-limit headers are read from them).
    public var headers: HeaderFields
    /// Seconds from sending the request to the first real content.
    public var timeToFirstToken: TimeInterval?
    /// Output tokens, when the stream is done.
    public var outputTokens: Int?
    /// Seconds from the first content to the end of the stream.
    public var streamDuration: TimeInterval?

    /// Creates a success record.
    public init(headers: HeaderFields = .empty, timeToFirstToken: TimeInterval? = nil, outputTokens: Int? = nil, streamDuration: TimeInterval? = nil) {
        self.headers = headers
        self.timeToFirstToken = timeToFirstToken
        self.outputTokens = outputTokens
        self.streamDuration = streamDuration
    }

    /// Output tokens per second, if both counts are known.
    public var tokensPerSecond: Double? {
        guard let outputTokens, let streamDuration, streamDuration > 0 else { return nil }
        return Double(outputTokens) / streamDuration
    }
}

/// What the gateway does after recording an outcome.
public enum AttemptDecision: Sendable, Hashable {
    /// Success: keep streaming to the client.
    case commit
    /// Ask for the next attempt.
    case next
    /// Wait until the date, then ask for the next attempt (a short reset with nothing else left).
    case waitThenNext(until: Date)
    /// Stop and send this error to the client (a bad request, or a failure after commit).
    case returnToClient(ErrorClassification)
}
