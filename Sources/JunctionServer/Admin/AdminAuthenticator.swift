import Foundation
import HTTPTypes
import Hummingbird
import JunctionStore
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
        if let adminToken, let presented = BearerToken.from(request.headers[.authorization]), ConstantTime.equals(presented, adminToken) {
            return try await next(request, context)
        }
        if let token = request.cookies[DashboardSessions.cookieName]?.value,
            let session = await sessions.session(token: token, now: Date())
        {
            if request.method != .get, request.method != .head {
                let sent = request.headers[HTTPField.Name("x-csrf-token")!] ?? ""
                guard ConstantTime.equals(sent, session.csrfToken) else {
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
}

extension Response {
    /// The admin API's error shape: `{"error": {"message": …, "type": …}}`.
    static func adminError(status: HTTPResponse.Status, message: String, type: String) -> Response {
        .json(["error": ["message": .string(message), "type": .string(type)]], status: status)
    }
}
