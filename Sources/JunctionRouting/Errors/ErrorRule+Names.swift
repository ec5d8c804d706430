import Foundation

extension ErrorEffect {
    /// The effect named as in the configuration's `errors:` table.
    ///
    /// Names: `none`, `rest_until_reset` (`seconds` = backoff cap, base 1 s), `disable_account`,
    /// `disable_account_for_quota_window` (`seconds` = default window), `disable_account_model`
    /// (`seconds` = duration), `breaker`. Returns `nil` for an unknown name or a missing duration.
    public init?(name: String, seconds: TimeInterval? = nil) {
        switch name {
        case "none": self = .none
        case "rest_until_reset": self = .restUntilReset(backoffBase: 1, backoffCap: seconds ?? 300)
        case "disable_account": self = .disableAccount
        case "disable_account_for_quota_window": self = .disableAccountForQuotaWindow(defaultWindow: seconds ?? 86_400)
        case "disable_account_model":
            guard let seconds else { return nil }
            self = .disableAccountModel(seconds: seconds)
        case "breaker": self = .breakerFailure
        default: return nil
        }
    }
}

extension ErrorTable {
    /// This table with the rule for the kind named `kind` (e.g. `bad_request`) set from configuration
    /// names; returns `nil` if a name is unknown.
    public func setting(kind: String, effect: String, seconds: TimeInterval? = nil, fallback: String) -> ErrorTable? {
        guard let kind = ErrorKind(rawValue: kind),
              let effect = ErrorEffect(name: effect, seconds: seconds),
              let fallback = FallbackRule(rawValue: fallback) else { return nil }
        return setting(kind, to: ErrorRule(effect: effect, fallback: fallback))
    }
}
