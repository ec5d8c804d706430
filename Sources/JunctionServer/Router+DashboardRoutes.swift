import Foundation
import HTTPTypes
import Hummingbird
import JunctionGateway
import JunctionStore
import JunctionWire
import Logging
import NIOCore

/// Everything the dashboard needs besides the admin API: its pages and assets, and login, logout and
/// first-run setup. Pages are the app for a valid session and the login page for anyone else.
struct DashboardRoutes: Sendable {
    let assets: DashboardAssets
    let sessions: DashboardSessions
    let password: AdminPassword
    let throttle = LoginThrottle()

    static let minimumPasswordLength = 8

    func add(to router: Router<JunctionRequestContext>) {
        let dashboard = router.group("/dashboard").add(middleware: RequestLogMiddleware())
        dashboard.get { request, _ in await page(request) }
        dashboard.get("assets/**") { request, _ -> Response in
            let path = String(request.uri.path.dropFirst("/dashboard/".count))
            guard !path.contains(".."), let file = assets.files[path] else { return Response(status: .notFound) }
            return Response(
                status: .ok, headers: [.contentType: file.contentType, .cacheControl: "no-cache"], body: .init(byteBuffer: file.bytes))
        }
        dashboard.get("session") { request, context in await sessionState(request, context) }
        dashboard.post("login") { request, context in await login(request, context) }
        dashboard.post("setup") { request, context in await setup(request, context) }
        dashboard.post("logout") { request, _ in await logout(request) }
        dashboard.get("**") { request, _ in await page(request) }
    }

    /// The app for a session, the login page otherwise.
    private func page(_ request: Request) async -> Response {
        let authenticated = await currentSession(request) != nil
        let file = assets.files[authenticated ? "index.html" : "login.html"] ?? assets.files["index.html"]
        guard let file else { return Response(status: .notFound) }
        return Response(
            status: .ok,
            headers: [
                .contentType: file.contentType, .cacheControl: "no-store",
                HTTPField.Name("content-security-policy")!: "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
                HTTPField.Name("x-frame-options")!: "DENY",
            ],
            body: .init(byteBuffer: file.bytes))
    }

    private func currentSession(_ request: Request) async -> DashboardSessions.Session? {
        guard let token = request.cookies[DashboardSessions.cookieName]?.value else { return nil }
        return await sessions.session(token: token, now: Date())
    }

    private func sessionState(_ request: Request, _ context: JunctionRequestContext) async -> Response {
        let session = await currentSession(request)
        let setupRequired = !((try? await password.isSet()) ?? true)
        return .json([
            "authenticated": .bool(session != nil), "csrf_token": session.map { .string($0.csrfToken) } ?? .null,
            "setup_required": .bool(setupRequired), "setup_allowed": .bool(setupRequired && context.isFromLoopback),
        ])
    }

    private func login(_ request: Request, _ context: JunctionRequestContext) async -> Response {
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        let now = Date()
        if let wait = throttle.wait(for: address, now: now) {
            let seconds = Int(wait.rounded(.up))
            var response = Response.adminError(
                status: .tooManyRequests, message: "Too many failed logins; try again in \(seconds) s.", type: "rate_limit_error")
            response.headers[.retryAfter] = String(seconds)
            return response
        }
        guard let submitted = await Self.password(in: request) else {
            return .adminError(status: .badRequest, message: "Send {\"password\": \"...\"}.", type: "invalid_request_error")
        }
        guard await password.verify(submitted) else {
            throttle.recordFailure(for: address, now: now)
            context.logger.warning("dashboard login failed", metadata: ["address": "\(address)"])
            return .adminError(status: .unauthorized, message: "Wrong password.", type: "authentication_error")
        }
        throttle.recordSuccess(for: address)
        return await startSession(request)
    }

    private func setup(_ request: Request, _ context: JunctionRequestContext) async -> Response {
        guard context.isFromLoopback else {
            return .adminError(status: .forbidden, message: "First-run setup is only open to this machine.", type: "permission_error")
        }
        guard (try? await password.isSet()) == false else {
            return .adminError(status: .conflict, message: "The admin password is set already; log in instead.", type: "conflict_error")
        }
        guard let submitted = await Self.password(in: request), submitted.count >= Self.minimumPasswordLength else {
            return .adminError(
                status: .badRequest, message: "Choose a password of at least \(Self.minimumPasswordLength) characters.",
                type: "invalid_request_error")
        }
        do {
            try await password.set(submitted, now: Date())
        } catch {
            return .adminError(status: .serviceUnavailable, message: "The password could not be saved.", type: "storage_error")
        }
        return await startSession(request)
    }

    private func logout(_ request: Request) async -> Response {
        if let token = request.cookies[DashboardSessions.cookieName]?.value, let session = await sessions.session(token: token, now: Date()) {
            let sent = request.headers[HTTPField.Name("x-csrf-token")!] ?? ""
            guard ConstantTime.equals(sent, session.csrfToken) else {
                return .adminError(status: .forbidden, message: "Missing or wrong X-CSRF-Token.", type: "csrf_error")
            }
            await sessions.end(token: token)
        }
        var response = Response.json(["ok": true])
        response.setCookie(Cookie(name: DashboardSessions.cookieName, value: "", maxAge: 0, path: "/", secure: Self.isSecure(request), httpOnly: true, sameSite: .strict))
        return response
    }

    private func startSession(_ request: Request) async -> Response {
        guard let (token, csrf) = try? await sessions.create(now: Date()) else {
            return .adminError(status: .serviceUnavailable, message: "The session could not be saved.", type: "storage_error")
        }
        var response = Response.json(["csrf_token": .string(csrf)])
        response.setCookie(
            Cookie(
                name: DashboardSessions.cookieName, value: token, maxAge: Int(DashboardSessions.lifetime), path: "/",
                secure: Self.isSecure(request), httpOnly: true, sameSite: .strict))
        return response
    }

    /// Junction serves plain HTTP; behind a TLS proxy that says so, the cookie is marked `Secure`.
    private static func isSecure(_ request: Request) -> Bool {
        request.uri.scheme == .https || request.headers[HTTPField.Name("x-forwarded-proto")!]?.lowercased() == "https"
    }

    private static func password(in request: Request) async -> String? {
        var request = request
        guard let buffer = try? await request.collectBody(upTo: 64 << 10),
            let value = try? JSONValue(parsing: Array(buffer.readableBytesView))
        else { return nil }
        return value["password"]?.stringValue
    }
}
