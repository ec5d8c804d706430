import Foundation

/// Why a model string could not be turned into a plan.
///
/// A struct around a private code, in the style of `HTTPClientError`: compare with the static
/// members, read `message` for the text shown to the client.
public struct RoutingError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Sendable, Hashable {
        case unknownModel
        case comboCycle
        case noUsableTarget
        case unknownProvider
    }

    private let code: Code
    /// The human-readable message.
    public let message: String
    /// For an unknown model, the closest known model strings, best first.
    public let suggestions: [String]
    /// For a combo cycle, the names along the cycle, first name repeated at the end.
    public let cycle: [String]
    /// For no usable target, every target considered and why it was skipped.
    public let skipped: [SkippedTarget]

    private init(code: Code, message: String, suggestions: [String] = [], cycle: [String] = [], skipped: [SkippedTarget] = []) {
        self.code = code
        self.message = message
        self.suggestions = suggestions
        self.cycle = cycle
        self.skipped = skipped
    }

    /// The model string names nothing known; `suggestions` holds the closest names.
    public static func unknownModel(_ name: String, suggestions: [String]) -> RoutingError {
        let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
        return RoutingError(code: .unknownModel, message: "unknown model '\(name)'\(hint)", suggestions: suggestions)
    }

    /// Combos refer to each other in a cycle.
    public static func comboCycle(_ path: [String]) -> RoutingError {
        RoutingError(code: .comboCycle, message: "combo cycle: \(path.joined(separator: " → "))", cycle: path)
    }

    /// Every target was filtered out (context window, capabilities, preferences, health).
    public static func noUsableTarget(_ model: String, skipped: [SkippedTarget]) -> RoutingError {
        let reasons = skipped.prefix(4).map { "\($0.label): \($0.reason)" }.joined(separator: "; ")
        return RoutingError(code: .noUsableTarget, message: "no usable target for '\(model)' (\(reasons))", skipped: skipped)
    }

    /// `provider/model` names a provider that is not configured.
    public static func unknownProvider(_ provider: String, suggestions: [String]) -> RoutingError {
        let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
        return RoutingError(code: .unknownProvider, message: "unknown provider '\(provider)'\(hint)", suggestions: suggestions)
    }

    /// Whether two errors have the same code (messages may differ).
    public func isSameKind(as other: RoutingError) -> Bool { code == other.code }

    /// Whether this is an unknown-model error.
    public var isUnknownModel: Bool { code == .unknownModel || code == .unknownProvider }
    /// Whether this is a combo cycle.
    public var isComboCycle: Bool { code == .comboCycle }
    /// Whether every target was filtered out.
    public var isNoUsableTarget: Bool { code == .noUsableTarget }

    /// The message.
    public var description: String { message }

    /// For no usable target, the earliest time a skipped target comes back (for a `Retry-After`).
    public var retryAfter: Date? {
        skipped.compactMap(\.reason.until).min()
    }
}

/// A target (or one account of it) that the planner passed over, and why.
public struct SkippedTarget: Sendable, Hashable, Codable {
    /// The provider id.
    public var provider: String
    /// The upstream model id.
    public var model: String
    /// The account, when the reason is about one account.
    public var account: Int?
    /// Why it was skipped.
    public var reason: SkipReason

    /// Creates a record.
    public init(provider: String, model: String, account: Int? = nil, reason: SkipReason) {
        self.provider = provider
        self.model = model
        self.account = account
        self.reason = reason
    }

    /// `provider/model` or `provider/model#account`.
    public var label: String {
        "\(provider)/\(model)" + (account.map { "#\($0)" } ?? "")
    }
}
