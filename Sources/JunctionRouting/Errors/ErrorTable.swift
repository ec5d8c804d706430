/// The one table from error class to effect and fallback; configurable per kind.
///
/// | kind | effect | fallback |
/// |---|---|---|
/// | `rate_limited` | account+model rests until the provider's reset, else backoff 1 s → 5 min | next |
/// | `auth_invalid` | account disabled until its key changes or an admin re-enables it | next |
/// | `insufficient_credits` | account disabled for its quota window (default 24 h) | next |
/// | `server_fault` | provider+model circuit breaker counts a failure | next |
/// | `bad_request` | none | none (the client gets it) |
/// | `context_too_long` | none | only larger context windows |
/// | `model_not_found` | account+model disabled 1 h | next |
/// | `other_client_error` | none | next |
public struct ErrorTable: Sendable, Hashable, Codable {
    /// The rule for each kind; kinds missing here use ``ErrorTable/standard``'s rule.
    public var rules: [ErrorKind: ErrorRule]

    /// Creates a table from rules; missing kinds take the standard rule.
    public init(rules: [ErrorKind: ErrorRule] = [:]) {
        self.rules = rules
    }

    /// The standard table documented in `docs/routing.md`.
    public static let standard = ErrorTable(rules: standardRules)

    static let standardRules: [ErrorKind: ErrorRule] = [
        .rateLimited: ErrorRule(effect: .restUntilReset(backoffBase: 1, backoffCap: 300), fallback: .next),
        .authInvalid: ErrorRule(effect: .disableAccount, fallback: .next),
        .insufficientCredits: ErrorRule(effect: .disableAccountForQuotaWindow(defaultWindow: 86_400), fallback: .next),
        .serverFault: ErrorRule(effect: .breakerFailure, fallback: .next),
        .badRequest: ErrorRule(effect: .none, fallback: .none),
        .contextTooLong: ErrorRule(effect: .none, fallback: .largerContext),
        .modelNotFound: ErrorRule(effect: .disableAccountModel(seconds: 3_600), fallback: .next),
        .otherClientError: ErrorRule(effect: .none, fallback: .next),
    ]

    /// The rule for `kind`.
    public func rule(for kind: ErrorKind) -> ErrorRule {
        rules[kind] ?? Self.standardRules[kind] ?? ErrorRule(effect: .none, fallback: .next)
    }

    /// This table with `rule` for `kind`.
    public func setting(_ kind: ErrorKind, to rule: ErrorRule) -> ErrorTable {
        var copy = self
        copy.rules[kind] = rule
        return copy
    }
}
