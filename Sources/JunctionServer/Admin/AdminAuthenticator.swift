import Foundation
import HTTPTypes
import Hummingbird
import JunctionWire
import NIOCore

/// Guards every admin route: the admin token as `Authorization: Bearer`, or a dashboard session
/// cookie, which must also send its CSRF token (`X-CSRF-Token`) on anything that changes state.
/// Anything else gets 401 (403 for a missing CSRF token) and never reaches a handler.
struct AdminAuthenticator: RouterMiddleware {
    typealias Context = JunctionRequestContext

    let adminToken: String?
    let sessions: DashboardSessions

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let adminToken, let presented = Self.bearer(request),
            ClientKeyAuthenticator.constantTimeEquals(Array(presented.utf8), Array(adminToken.utf8))
        {
            return try await next(request, context)
        }
        if let token = request.cookies[DashboardSessions.cookieName]?.value,
            let session = await sessions.session(token: token, now: Date())
        {
            if request.method != .get, request.method != .head {
                let sent = request.headers[HTTPField.Name("x-csrf-token")!] ?? ""
                guard ClientKeyAuthenticator.constantTimeEquals(Array(sent.utf8), Array(session.csrfToken.utf8)) else {
                    return .adminError(status: .forbidden, message: "Missing or wrong X-CSRF-Token.", type: "csrf_error")
                }
            }
            return try await next(request, context)
        }
        RequestLogMiddleware.log(request, status: 401, since: .now, logger: context.logger, error: "admin authentication required")
        return .adminError(
            status: .unauthorized, message: "Admin authentication required: send 'Authorization: Bearer ADMIN_TOKEN' or log in at /dashboard.",
            type: "authentication_error")
    }

    static func bearer(_ request: Request) -> String? {
        guard let authorization = request.headers[.authorization] else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }
}

extension Response {
    /// The admin API's error shape: `{"error": {"message": …, "type": …}}`.
    static func adminError(status: HTTPResponse.Status, message: String, type: String) -> Response {
        .json(["error": ["message": .string(message), "type": .string(type)]], status: status)
    }
}
