import HTTPTypes
import Hummingbird
import JunctionGateway
import NIOCore

extension GatewayResponse {
    /// The Hummingbird response: whole bodies with their length, streams written as they come.
    var hummingbirdResponse: Response {
        var fields = HTTPFields()
        for header in headers {
            guard let name = HTTPField.Name(header.name) else { continue }
            fields.append(HTTPField(name: name, value: header.value))
        }
        let status = HTTPResponse.Status(code: status)
        switch body {
        case .bytes(let buffer):
            return Response(status: status, headers: fields, body: .init(byteBuffer: buffer))
        case .stream(let stream):
            return Response(
                status: status, headers: fields,
                body: ResponseBody { writer in
                    await stream.run { buffer in try await writer.write(buffer) }
                    try await writer.finish(nil)
                })
        }
    }
}
