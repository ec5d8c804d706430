public import Foundation
public import JunctionStore

/// What a usage query asks for: a window back from now (or from `until`), a bucket and a grouping.
public struct UsageParameters: Sendable, Hashable {
    public var window: TimeInterval
    public var until: Date?
    public var bucket: UsageBucket
    public var grouping: UsageGrouping?

    public init(window: TimeInterval, until: Date?, bucket: String, by: String?) throws(AdminError) {
        guard let bucket = UsageBucket(rawValue: bucket) else {
            throw AdminError(status: 400, message: "bucket must be hour, day or all.", type: "invalid_request_error")
        }
        var grouping: UsageGrouping?
        if let by, !by.isEmpty {
            guard let parsed = UsageGrouping(rawValue: by) else {
                throw AdminError(status: 400, message: "by must be key, provider, model or combo.", type: "invalid_request_error")
            }
            grouping = parsed
        }
        self.window = window
        self.until = until
        self.bucket = bucket
        self.grouping = grouping
    }
}
