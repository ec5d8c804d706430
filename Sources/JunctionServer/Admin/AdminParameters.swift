import Foundation
import Hummingbird
import JunctionGateway
import JunctionStore

/// The query string of `/api/usage` and `/api/usage.csv`.
extension UsageParameters {
    init(_ query: Parameters) throws(AdminError) {
        let window = try Self.window(query.get("since"), default: 86_400)
        var until: Date?
        if let text = query.get("until") {
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw AdminError(status: 400, message: "until must be an ISO 8601 time.", type: "invalid_request_error")
            }
            until = date
        }
        try self.init(window: window, until: until, bucket: query.get("bucket") ?? "hour", by: query.get("by"))
    }

    /// `30m`, `24h`, `7d`…
    static func window(_ text: String?, default seconds: TimeInterval) throws(AdminError) -> TimeInterval {
        guard let text else { return seconds }
        guard let window = UsageAggregator.parseWindow(text), window > 0 else {
            throw AdminError(status: 400, message: "since must be a duration such as 30m, 24h or 7d.", type: "invalid_request_error")
        }
        return window
    }
}

/// The query string of `/api/requests` and `/api/requests/live`.
enum RequestLogParameters {
    static func query(_ query: Parameters) throws(AdminError) -> RequestLogQuery {
        var result = RequestLogQuery()
        result.clientKey = query.get("key").flatMap { $0.isEmpty ? nil : $0 }
        result.provider = query.get("provider").flatMap { $0.isEmpty ? nil : $0 }
        result.model = query.get("model").flatMap { $0.isEmpty ? nil : $0 }
        result.combo = query.get("combo").flatMap { $0.isEmpty ? nil : $0 }
        if let outcome = query.get("outcome"), !outcome.isEmpty {
            guard let parsed = RequestLogQuery.Outcome(rawValue: outcome) else {
                throw AdminError(status: 400, message: "outcome must be success or failure.", type: "invalid_request_error")
            }
            result.outcome = parsed
        }
        if let since = query.get("since"), !since.isEmpty {
            result.since = Date().addingTimeInterval(-(try UsageParameters.window(since, default: 0)))
        }
        if let before = query.get("before"), !before.isEmpty {
            guard let id = Int64(before) else { throw AdminError(status: 400, message: "before must be a number.", type: "invalid_request_error") }
            result.beforeID = id
        }
        if let limit = query.get("limit"), !limit.isEmpty {
            guard let count = Int(limit), count > 0 else { throw AdminError(status: 400, message: "limit must be a positive number.", type: "invalid_request_error") }
            result.limit = min(count, 500)
        }
        return result
    }
}
