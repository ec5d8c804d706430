import Foundation
import HTTPTypes
import Hummingbird
import JunctionGateway
import JunctionStore
import JunctionWire
import NIOCore
import ServiceLifecycle

extension Router<JunctionRequestContext> {
    /// The admin API under `/api` (see `openapi.yaml`); every route behind ``AdminAuthenticator``.
    func addAdminRoutes(administration: Administration, authenticator: AdminAuthenticator, openAPI: ByteBuffer) {
        let api = group("/api").add(middleware: RequestLogMiddleware()).add(middleware: authenticator)

        api.get("openapi.yaml") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: openAPI))
        }
        api.get("overview") { _, _ -> Response in try await admin { try await administration.overview() } }
        api.get("catalog") { _, _ -> Response in .json(administration.catalog()) }

        api.get("providers") { _, _ -> Response in .json(administration.providers()) }
        api.post("providers") { request, context -> Response in
            try await admin(status: .created) { try await administration.createProvider(try await body(request, context)) }
        }
        api.get("providers/{id}") { _, context -> Response in try await admin { try administration.provider(id: try context.parameters.require("id")) } }
        api.put("providers/{id}") { request, context -> Response in
            try await admin { try await administration.replaceProvider(id: try context.parameters.require("id"), try await body(request, context)) }
        }
        api.delete("providers/{id}") { _, context -> Response in
            try await admin(status: .noContent) {
                try await administration.deleteProvider(id: try context.parameters.require("id"))
                return .null
            }
        }
        api.post("providers/{id}/accounts") { request, context -> Response in
            try await admin(status: .created) {
                try await administration.addAccount(providerID: try context.parameters.require("id"), try await body(request, context))
            }
        }
        api.delete("providers/{id}/accounts/{index}") { _, context -> Response in
            try await admin {
                try await administration.removeAccount(
                    providerID: try context.parameters.require("id"), index: try context.parameters.require("index", as: Int.self))
            }
        }
        api.post("providers/{id}/test") { request, context -> Response in
            try await admin { try await administration.testProvider(id: try context.parameters.require("id"), try await body(request, context, optional: true)) }
        }

        api.get("combos") { _, _ -> Response in .json(administration.combos()) }
        api.post("combos") { request, context -> Response in
            try await admin(status: .created) { try await administration.createCombo(try await body(request, context)) }
        }
        api.get("combos/{name}") { _, context -> Response in try await admin { try administration.combo(name: try context.parameters.require("name")) } }
        api.put("combos/{name}") { request, context -> Response in
            try await admin { try await administration.replaceCombo(name: try context.parameters.require("name"), try await body(request, context)) }
        }
        api.delete("combos/{name}") { _, context -> Response in
            try await admin(status: .noContent) {
                try await administration.deleteCombo(name: try context.parameters.require("name"))
                return .null
            }
        }
        api.post("route/preview") { request, context -> Response in
            try await admin { administration.routePreview(try await body(request, context)) }
        }

        api.get("keys") { _, _ -> Response in try await admin { try await administration.keys() } }
        api.post("keys") { request, context -> Response in
            try await admin(status: .created) { try await administration.createKey(try await body(request, context)) }
        }
        api.patch("keys/{id}") { request, context -> Response in
            try await admin { try await administration.updateKey(id: try context.parameters.require("id"), try await body(request, context)) }
        }
        api.delete("keys/{id}") { _, context -> Response in
            try await admin { try await administration.revokeKey(id: try context.parameters.require("id")) }
        }

        api.get("usage") { request, _ -> Response in
            try await admin { try await administration.usage(try UsageParameters(request.uri.queryParameters)) }
        }
        api.get("usage.csv") { request, _ -> Response in
            do throws(AdminError) {
                let csv = try await administration.usageCSV(try UsageParameters(request.uri.queryParameters))
                return Response(
                    status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"junction-usage.csv\""],
                    body: .init(byteBuffer: ByteBuffer(string: csv)))
            } catch {
                return .adminError(status: HTTPResponse.Status(code: error.status), message: error.message, type: error.type)
            }
        }
        api.get("requests") { request, _ -> Response in
            try await admin { try await administration.requests(try RequestLogParameters.query(request.uri.queryParameters)) }
        }
        api.get("requests/live") { request, _ -> Response in
            do throws(AdminError) {
                let query = try RequestLogParameters.query(request.uri.queryParameters)
                return liveRequests(administration: administration, query: query)
            } catch {
                return .adminError(status: HTTPResponse.Status(code: error.status), message: error.message, type: error.type)
            }
        }
        api.get("requests/{id}") { _, context -> Response in
            try await admin { try await administration.request(id: try context.parameters.require("id")) }
        }
        api.get("health") { _, _ -> Response in .json(administration.health()) }
        api.get("saver") { request, _ -> Response in
            try await admin {
                let window = try UsageParameters.window(request.uri.queryParameters.get("since"), default: 7 * 86_400)
                return try await administration.saverSummary(since: Date().addingTimeInterval(-window))
            }
        }
        api.post("saver/preview") { request, context -> Response in
            try await admin { try administration.saverPreview(try await body(request, context)) }
        }
        api.get("settings") { _, _ -> Response in .json(administration.settings()) }
        api.put("settings") { request, context -> Response in
            try await admin { try await administration.updateSettings(try await body(request, context)) }
        }
    }
}

/// Runs an admin handler: its JSON with `status`, or its ``AdminError`` in the admin error shape.
private func admin(status: HTTPResponse.Status = .ok, _ body: () async throws -> JSONValue) async throws -> Response {
    do {
        let value = try await body()
        if status == .noContent { return Response(status: .noContent) }
        return .json(value, status: status)
    } catch let error as AdminError {
        return .adminError(status: HTTPResponse.Status(code: error.status), message: error.message, type: error.type)
    } catch {
        return .adminError(status: .badRequest, message: "Bad path parameter.", type: "invalid_request_error")
    }
}

/// The request's JSON body (at most 1 MiB); a missing body is `{}` when `optional`.
private func body(_ request: Request, _ context: JunctionRequestContext, optional: Bool = false) async throws(AdminError) -> JSONValue {
    let buffer: ByteBuffer
    do {
        var request = request
        buffer = try await request.collectBody(upTo: 1 << 20)
    } catch {
        throw AdminError(status: 413, message: "The body is larger than 1 MiB.", type: "invalid_request_error")
    }
    if buffer.readableBytes == 0, optional { return [:] }
    guard let value = try? JSONValue(parsing: Array(buffer.readableBytesView)), value.objectValue != nil else {
        throw AdminError(status: 400, message: "The body must be a JSON object.", type: "invalid_request_error")
    }
    return value
}

/// `GET /api/requests/live`: one `request` event per new ledger row, polled every second, with a
/// comment every 15 s to keep proxies from closing the stream.
private func liveRequests(administration: Administration, query: RequestLogQuery) -> Response {
    Response(
        status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
        body: ResponseBody { writer in
            var last = (try? await administration.latestRequestSeq()) ?? 0
            var quiet = 0
            try await writer.write(ByteBuffer(string: ": live\n\n"))
            while !Task.isCancelled, !Task.isShuttingDownGracefully {
                let rows = (try? await administration.requests(after: last, matching: query)) ?? []
                for row in rows {
                    last = max(last, row.seq)
                    try await writer.write(ByteBuffer(string: "event: request\ndata: \(row.json.serializedString())\n\n"))
                }
                quiet = rows.isEmpty ? quiet + 1 : 0
                if quiet >= 15 {
                    quiet = 0
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                }
                try? await Task.sleep(for: .seconds(1))
            }
            try await writer.finish(nil)
        })
}
