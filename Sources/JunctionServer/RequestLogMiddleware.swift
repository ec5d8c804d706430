import Hummingbird
import Logging

/// Logs one line for each request to the routes it wraps: method, path, status and milliseconds.
///
/// Gateway routes are not wrapped: the gateway writes their line itself, once the response (a
/// stream, perhaps) has ended and the route taken is known.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = JunctionRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            Self.log(request, status: Int(response.status.code), since: started, logger: context.logger)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            Self.log(request, status: Int(status), since: started, logger: context.logger)
            throw error
        }
    }

    /// The request line, in the same shape the gateway uses.
    static func log(_ request: Request, status: Int, since started: ContinuousClock.Instant, logger: Logger, error: String? = nil) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(elapsed.components.seconds) * 1000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
        var metadata: Logger.Metadata = ["model": "-", "route": "-", "status": "\(status)", "ms": "\(milliseconds)"]
        if let error { metadata["error"] = "\(error)" }
        logger.info("\(request.method) \(request.uri.path)", metadata: metadata)
    }
}
