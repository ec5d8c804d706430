import Foundation
import JunctionStore
import JunctionWire

/// Who may scrape `GET /metrics`: with a token, whoever presents it as a bearer token; without
/// one, only this machine.
struct MetricsAccess: Sendable {
    /// The outcome for one request.
    enum Decision: Equatable, Sendable {
        case allowed
        /// 401: a token is configured and the request did not present it.
        case unauthorized
        /// 403: no token is configured and the request is not from this machine.
        case forbidden
    }

    /// The configured token; `nil` (or empty) means loopback only.
    let token: String?

    init(token: String?) {
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The decision for a request with this `Authorization` header, from this kind of peer.
    func decide(authorization: String?, fromLoopback: Bool) -> Decision {
        guard let token else { return fromLoopback ? .allowed : .forbidden }
        guard let presented = BearerToken.from(authorization), ConstantTime.equals(presented, token) else { return .unauthorized }
        return .allowed
    }

    /// The JSON error body for a refusal, in the OpenAI error shape the other routes use.
    static func errorBody(_ decision: Decision) -> JSONValue {
        switch decision {
        case .allowed:
            return [:]
        case .unauthorized:
            return ["error": ["message": "Send the metrics token as 'Authorization: Bearer TOKEN'.", "type": "authentication_error"]]
        case .forbidden:
            return [
                "error": [
                    "message": "Metrics are only served to this machine unless a metrics_token is configured.",
                    "type": "permission_error",
                ]
            ]
        }
    }
}
