/// One server-sent event: the `event:` name, the joined `data:` lines and the `id:`.
public struct ServerSentEvent: Sendable, Hashable {
    public var event: String?
    public var data: String
    public var id: String?

    public init(event: String? = nil, data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }

    /// The event framed for the wire, ending in a blank line.
    public func encoded() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.utf8.count + 32)
        if let event { output.append(contentsOf: "event: \(event)\n".utf8) }
        if let id { output.append(contentsOf: "id: \(id)\n".utf8) }
        var lineStart = true
        for byte in data.utf8 {
            if lineStart { output.append(contentsOf: "data: ".utf8) }
            output.append(byte)
            lineStart = byte == 0x0A
        }
        if lineStart { output.append(contentsOf: "data: ".utf8) }
        output.append(contentsOf: [0x0A, 0x0A])
        return output
    }
}
