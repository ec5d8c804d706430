import Hummingbird
import HTTPTypes
import JunctionGateway
import JunctionStore
import NIOCore

extension Router<JunctionRequestContext> {
    /// `GET /metrics`: the Prometheus text format from `endpoint`.
    ///
    /// With a `token`, the caller must send `Authorization: Bearer <token>` (401 otherwise); with
    /// none, only this machine may scrape (403 otherwise). `refresh` runs before each render, to
    /// sample gauges such as account states.
    func addMetricsRoute(endpoint: MetricsEndpoint, token: String?, refresh: @escaping @Sendable () -> Void = {}) {
        let access = MetricsAccess(token: token)
        get("/metrics") { request, context -> Response in
            let decision = access.decide(authorization: request.headers[.authorization], fromLoopback: context.isFromLoopback)
            switch decision {
            case .allowed:
                refresh()
                return Response(
                    status: .ok, headers: [.contentType: MetricsEndpoint.contentType],
                    body: .init(byteBuffer: ByteBuffer(string: endpoint.render())))
            case .unauthorized:
                var response = Response.json(MetricsAccess.errorBody(decision), status: .unauthorized)
                response.headers[.wwwAuthenticate] = "Bearer"
                return response
            case .forbidden:
                return .json(MetricsAccess.errorBody(decision), status: .forbidden)
            }
        }
    }

    /// `GET /metrics` for a running gateway: account states and the ledger's queue are sampled
    /// into `endpoint.gateway` before each scrape.
    func addMetricsRoute(endpoint: MetricsEndpoint, token: String?, gateway: Gateway, ledger: Ledger) {
        addMetricsRoute(endpoint: endpoint, token: token) { [metrics = endpoint.gateway] in
            metrics.refresh(router: gateway.router, ledger: ledger)
        }
    }
}
