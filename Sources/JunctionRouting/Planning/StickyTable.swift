import Foundation

/// Which target each conversation last succeeded on, so that it keeps that target while it is healthy.
public struct StickyTable: Sendable, Hashable, Codable {
    /// One conversation's target.
    public struct Entry: Sendable, Hashable, Codable {
        /// The provider id.
        public var provider: String
        /// The upstream model id.
        public var model: String
        /// The account index.
        public var account: Int
        /// When the conversation was last seen.
        public var lastSeen: Date
    }

    /// Entries by conversation key and requested model.
    public private(set) var entries: [String: Entry] = [:]

    /// Creates an empty table.
    public init() {}

    static func key(conversation: String, model: String) -> String { "\(model)\u{1F}\(conversation)" }

    /// The entry for a conversation, unless older than `ttl`.
    public func lookup(conversation: String, model: String, now: Date, ttl: TimeInterval) -> Entry? {
        guard let entry = entries[Self.key(conversation: conversation, model: model)],
              now.timeIntervalSince(entry.lastSeen) <= ttl else { return nil }
        return entry
    }

    /// Remembers the conversation's target, evicting expired and then the oldest entries past `capacity`.
    public mutating func remember(conversation: String, model: String, attempt: Attempt, now: Date, ttl: TimeInterval, capacity: Int) {
        entries[Self.key(conversation: conversation, model: model)] = Entry(
            provider: attempt.provider, model: attempt.upstreamModel, account: attempt.account, lastSeen: now
        )
        guard entries.count > capacity else { return }
        entries = entries.filter { now.timeIntervalSince($0.value.lastSeen) <= ttl }
        if entries.count > capacity {
            let excess = entries.count - capacity + capacity / 10
            for (key, _) in entries.sorted(by: { $0.value.lastSeen < $1.value.lastSeen }).prefix(excess) {
                entries[key] = nil
            }
        }
    }
}
