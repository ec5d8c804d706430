/// Why an event stream could not be read.
public struct ServerSentEventError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    /// A line grew past the decoder's limit without a line break.
    public static func lineTooLong(_ limit: Int) -> Self { Self(description: "an event-stream line exceeded \(limit) bytes") }
    /// An event's data grew past the decoder's limit.
    public static func eventTooLarge(_ limit: Int) -> Self { Self(description: "an event exceeded \(limit) bytes") }
}

/// An incremental `text/event-stream` reader that follows the HTML spec: lines end in CR, LF or CRLF,
/// a blank line dispatches the event, `:` starts a comment, one space after the colon is dropped.
///
/// Feed it chunks as they arrive; each call returns the events completed by that chunk. Lines and
/// events are bounded so that an upstream that never sends a newline cannot exhaust memory.
///
/// ```swift
/// var decoder = ServerSentEventDecoder()
/// for chunk in chunks { for event in try decoder.feed(chunk) { handle(event) } }
/// if let last = decoder.finish() { handle(last) }
/// ```
public struct ServerSentEventDecoder: Sendable {
    public let maximumLineLength: Int
    public let maximumEventSize: Int

    private var line: [UInt8] = []
    private var previousWasCR = false
    private var eventName: String?
    private var data: [UInt8] = []
    private var hasData = false
    private var lastID: String?

    public init(maximumLineLength: Int = 4 << 20, maximumEventSize: Int = 16 << 20) {
        self.maximumLineLength = maximumLineLength
        self.maximumEventSize = maximumEventSize
    }

    /// Reads a chunk and returns the events it completed.
    public mutating func feed(_ chunk: some Sequence<UInt8>) throws -> [ServerSentEvent] {
        if let events = try chunk.withContiguousStorageIfAvailable({ try feed(buffer: $0) }) { return events }
        return try Array(chunk).withUnsafeBufferPointer { try feed(buffer: $0) }
    }

    /// Splits contiguous bytes into lines; the bytes of a line are appended as one run, not one by one.
    private mutating func feed(buffer: UnsafeBufferPointer<UInt8>) throws -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        var index = 0
        while index < buffer.count {
            let byte = buffer[index]
            if previousWasCR {
                previousWasCR = false
                if byte == 0x0A {
                    index += 1
                    continue
                }
            }
            switch byte {
            case 0x0A, 0x0D:
                index += 1
                previousWasCR = byte == 0x0D
                if let event = try endLine() { events.append(event) }
            default:
                var end = index + 1
                while end < buffer.count, buffer[end] != 0x0A, buffer[end] != 0x0D { end += 1 }
                guard line.count + (end - index) <= maximumLineLength else { throw ServerSentEventError.lineTooLong(maximumLineLength) }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<end]))
                index = end
            }
        }
        return events
    }

    /// Ends the stream; returns an event that had data but no closing blank line.
    public mutating func finish() -> ServerSentEvent? {
        if !line.isEmpty { _ = try? endLine() }
        return dispatch()
    }

    private mutating func endLine() throws -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty { return dispatch() }
        if line.first == UInt8(ascii: ":") { return nil }
        let field: ArraySlice<UInt8>
        var value: ArraySlice<UInt8>
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            field = line[..<colon]
            value = line[(colon + 1)...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        } else {
            field = line[...]
            value = []
        }
        switch String(decoding: field, as: UTF8.self) {
        case "data":
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
            guard data.count <= maximumEventSize else { throw ServerSentEventError.eventTooLarge(maximumEventSize) }
        case "event":
            eventName = String(decoding: value, as: UTF8.self)
        case "id":
            if !value.contains(0) { lastID = String(decoding: value, as: UTF8.self) }
        default:
            break
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventName = nil
        }
        guard hasData else { return nil }
        return ServerSentEvent(event: eventName, data: String(decoding: data, as: UTF8.self), id: lastID)
    }
}
