import Foundation
import Hummingbird
import JunctionGateway
import JunctionRouting
import JunctionWire

extension Router<JunctionRequestContext> {
    /// `GET /api/health`: every account × model the router has seen, with its state, until when,
    /// remaining quota and last error. Only this machine may ask until the admin API exists.
    func addHealthRoutes(gateway: Gateway) {
        group()
            .add(middleware: RequestLogMiddleware())
            .get("/api/health") { _, context -> Response in
                guard context.isFromLoopback else {
                    return .json(["error": ["message": "The health view is only served to this machine.", "type": "permission_error"]], status: .forbidden)
                }
                let formatter = ISO8601DateFormatter()
                let rows: [JSONValue] = gateway.router.healthRows().map { row in
                    var value: JSONValue = [
                        "provider": .string(row.provider), "account": .int(row.account), "model": .string(row.model),
                        "state": .string(row.status.rawValue),
                    ]
                    if let until = row.until { value["until"] = .string(formatter.string(from: until)) }
                    if let remaining = row.remainingRequests { value["remaining_requests"] = .int(remaining) }
                    if let remaining = row.remainingTokens { value["remaining_tokens"] = .int(remaining) }
                    if let error = row.lastError { value["last_error"] = .string(error) }
                    if let at = row.lastErrorAt { value["last_error_at"] = .string(formatter.string(from: at)) }
                    return value
                }
                return .json(["accounts": .array(rows)])
            }
    }
}
