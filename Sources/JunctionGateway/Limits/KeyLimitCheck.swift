public import Foundation
public import JunctionStore

/// Decides whether a client key's request may proceed under its ``KeyLimits``.
///
/// Pure: the caller gathers what the key has spent (``KeyUsageCache``) and how many requests it
/// sent in the last minute (``RequestRateWindow``), and performs the refusal. Checks run in a fixed
/// order: allowed models (403), requests per minute, tokens per day, dollars per day, dollars per
/// month (429 with `Retry-After`).
///
/// ```swift
/// let check = KeyLimitCheck(
///     limits: key.limits, model: body.model, now: now, today: today, thisMonth: month,
///     requestsInWindow: window.count(key: key.id, since: now - 60), oldestInWindow: window.oldest(key: key.id, since: now - 60))
/// if case .refused(let refusal) = check.decide() { … }
/// ```
public struct KeyLimitCheck: Sendable, Hashable {
    /// The span the requests-per-minute limit counts over.
    public static let window: TimeInterval = 60

    public var limits: KeyLimits
    /// The model string as the client sent it: `provider/model`, a combo or a model name.
    public var model: String
    public var now: Date
    /// What the key spent since midnight UTC.
    public var today: KeyUsage
    /// What the key spent since the first of the month, UTC.
    public var thisMonth: KeyUsage
    /// Requests the key sent in the last ``window`` seconds (not counting this one).
    public var requestsInWindow: Int
    /// The oldest of those requests, which sets when a slot frees up.
    public var oldestInWindow: Date?

    public init(
        limits: KeyLimits, model: String, now: Date, today: KeyUsage = KeyUsage(), thisMonth: KeyUsage = KeyUsage(),
        requestsInWindow: Int = 0, oldestInWindow: Date? = nil
    ) {
        self.limits = limits
        self.model = model
        self.now = now
        self.today = today
        self.thisMonth = thisMonth
        self.requestsInWindow = requestsInWindow
        self.oldestInWindow = oldestInWindow
    }

    /// Allowed, or the first limit the request runs into.
    public func decide() -> KeyLimitDecision {
        if let allowed = limits.allowedModels, !Self.allows(allowed, model: model) {
            let list = allowed.prefix(10).joined(separator: ", ") + (allowed.count > 10 ? ", …" : "")
            return .refused(KeyLimitRefusal(
                reason: .modelNotAllowed,
                message: "This key may not use the model \"\(model)\"; it may use: \(allowed.isEmpty ? "none" : list).",
                retryAfter: nil))
        }
        if let perMinute = limits.requestsPerMinute {
            let limit = min(max(perMinute, 0), RequestRateWindow.defaultCapacity)
            if requestsInWindow >= limit {
                let freed = oldestInWindow.map { $0.addingTimeInterval(Self.window) } ?? now.addingTimeInterval(Self.window)
                return .refused(KeyLimitRefusal(
                    reason: .rateLimited,
                    message: "This key's limit of \(limit) requests per minute is reached.",
                    retryAfter: Self.seconds(from: now, to: freed)))
            }
        }
        let midnight = UTCPeriod.nextDayStart(now)
        if let tokens = limits.tokensPerDay, today.tokens >= tokens {
            return .refused(KeyLimitRefusal(
                reason: .tokensPerDay,
                message: "This key's limit of \(tokens) tokens per day is used up (\(today.tokens) so far); it resets at midnight UTC.",
                retryAfter: Self.seconds(from: now, to: midnight)))
        }
        if let cost = limits.costMicrosPerDay, today.costMicros >= cost {
            return .refused(KeyLimitRefusal(
                reason: .usdPerDay,
                message: "This key's limit of \(Self.dollars(cost)) per day is spent (\(Self.dollars(today.costMicros)) so far); it resets at midnight UTC.",
                retryAfter: Self.seconds(from: now, to: midnight)))
        }
        if let cost = limits.costMicrosPerMonth, thisMonth.costMicros >= cost {
            return .refused(KeyLimitRefusal(
                reason: .usdPerMonth,
                message: "This key's limit of \(Self.dollars(cost)) per month is spent (\(Self.dollars(thisMonth.costMicros)) so far); it resets on the first of the month, UTC.",
                retryAfter: Self.seconds(from: now, to: UTCPeriod.nextMonthStart(now))))
        }
        return .allowed
    }

    /// Whether `model` is in `allowed`: the same string, or an entry `provider/*` and a model string
    /// starting with `provider/`. A lone `*` allows every model.
    public static func allows(_ allowed: [String], model: String) -> Bool {
        allowed.contains { entry in
            if entry == model || entry == "*" { return true }
            guard entry.hasSuffix("/*") else { return false }
            let prefix = entry.dropLast()
            return model.hasPrefix(prefix) && model.count > prefix.count
        }
    }

    /// Whole seconds from `now` to `date`, rounded up, at least 1.
    static func seconds(from now: Date, to date: Date) -> Int {
        max(1, Int(date.timeIntervalSince(now).rounded(.up)))
    }

    /// Micro-dollars as `$1.2345`.
    static func dollars(_ micros: Int) -> String {
        String(format: "$%.4f", Double(micros) / 1_000_000)
    }
}
