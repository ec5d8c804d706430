import Foundation
import HTTPTypes
import Hummingbird
import JunctionWire
import NIOCore

/// A recorded request's fault and number.
struct MockAdmission {
    var fault: MockFault
    /// The request's number at this mock (1-based), used in its ids.
    var number: Int
}

/// A request's body and the fault it is to act out, once the mock has recorded it.
struct MockIntake {
    var bytes: ByteBuffer
    var body: JSONValue
    var fault: MockFault
    var number: Int
}

extension MockProvider {
    /// Reads a request body up to 64 MiB and parses it as JSON; `nil` when it is not JSON.
    func readBody(_ request: Request) async throws -> (ByteBuffer, JSONValue?) {
        let bytes = try await request.body.collect(upTo: 64 << 20)
        return (bytes, try? JSONValue(parsing: bytes.readableBytesView))
    }

    /// Records the request and returns the fault it gets (the header's, a queued one or the scenario's) and its number.
    func record(
        _ request: Request, format: APIFormat, model: String, stream: Bool, includeUsage: Bool = false, apiKey: String?,
        bytes: ByteBuffer
    ) throws -> MockAdmission {
        let headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
        let headerFault = try request.headers[HTTPField.Name("x-mock-fault")!].map { try MockFault(parsing: $0) }
        let received = ReceivedRequest(
            model: model, stream: stream, includeUsage: includeUsage, apiKey: apiKey, body: String(buffer: bytes),
            path: request.uri.path, format: format, headers: headers)
        let admitted = admit(received, headerFault: headerFault)
        return MockAdmission(fault: admitted.fault ?? MockFault(), number: admitted.number)
    }

    /// Whether a presented key passes: any key when `apiKeys` is empty.
    func accepts(_ key: String?) -> Bool {
        apiKeys.isEmpty || apiKeys.contains(key ?? "")
    }

    /// Acts out the parts of a fault that come before the response head: latency and an early stall.
    func waitBeforeHead(_ fault: MockFault) async throws {
        if fault.latencyMs > 0 { try await Task.sleep(for: .milliseconds(fault.latencyMs)) }
        if fault.stallsBeforeHead, let stall = fault.stallMs { try await Task.sleep(for: .milliseconds(stall)) }
    }

    /// The status a fault answers with, when it is an error status.
    static func errorStatus(_ fault: MockFault) -> Int? {
        guard let status = fault.status, status >= 400 else { return nil }
        return status
    }

    static func json(_ value: JSONValue, status: Int = 200, headers: HTTPFields = [.contentType: "application/json"]) -> Response {
        Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: value.serialized())))
    }

    /// `HTTPFields` from name-value pairs.
    static func fields(_ pairs: [(String, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return fields
    }
}
