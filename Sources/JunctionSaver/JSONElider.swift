/// A single pass over JSON bytes that copies them, eliding long uniform arrays.
struct JSONElider {
    enum Failure: Error { case malformed }

    let bytes: [UInt8]
    let limits: (threshold: Int, kept: Int)
    let deadline: Deadline
    var out: [UInt8] = []
    var elided = false
    var steps = 0

    init(bytes: [UInt8], limits: (threshold: Int, kept: Int), deadline: Deadline) {
        self.bytes = bytes
        self.limits = limits
        self.deadline = deadline
        out.reserveCapacity(bytes.count / 2)
    }

    func skipSpace(_ start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return i
    }

    /// The index just past the value starting at `start`.
    func skipValue(_ start: Int) throws -> Int {
        guard start < bytes.count else { throw Failure.malformed }
        switch bytes[start] {
        case 0x22: return try skipString(start)
        case 0x7B, 0x5B:
            var depth = 0
            var i = start
            while i < bytes.count {
                switch bytes[i] {
                case 0x22: i = try skipString(i); continue
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            throw Failure.malformed
        default:
            var i = start
            while i < bytes.count, ![0x2C, 0x5D, 0x7D, 0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
            guard i > start else { throw Failure.malformed }
            return i
        }
    }

    /// The index just past the string starting at `start`.
    func skipString(_ start: Int) throws -> Int {
        var i = start + 1
        while i < bytes.count {
            if bytes[i] == 0x5C { i += 2; continue }
            if bytes[i] == 0x22 { return i + 1 }
            i += 1
        }
        throw Failure.malformed
    }

    /// Copies the value at `start` to `out`, eliding inside it; returns the index past it.
    mutating func emitValue(at start: Int) throws -> Int {
        steps += 1
        if steps & 1023 == 0 { try deadline.check() }
        guard start < bytes.count else { throw Failure.malformed }
        let open = bytes[start]
        guard open == 0x5B || open == 0x7B else {
            let end = try skipValue(start)
            out.append(contentsOf: bytes[start..<end])
            return end
        }
        let close: UInt8 = open == 0x5B ? 0x5D : 0x7D
        // Spans of the members (for objects, from the key to the end of the value) and where each value starts.
        var spans: [(start: Int, value: Int, end: Int)] = []
        var i = skipSpace(start + 1)
        if i < bytes.count, bytes[i] == close {
            out.append(contentsOf: bytes[start...i])
            return i + 1
        }
        while true {
            let memberStart = i
            var valueStart = i
            if open == 0x7B {
                let keyEnd = try skipString(i)
                let colon = skipSpace(keyEnd)
                guard colon < bytes.count, bytes[colon] == 0x3A else { throw Failure.malformed }
                valueStart = skipSpace(colon + 1)
            }
            let end = try skipValue(valueStart)
            spans.append((memberStart, valueStart, end))
            i = skipSpace(end)
            guard i < bytes.count else { throw Failure.malformed }
            if bytes[i] == 0x2C { i = skipSpace(i + 1); continue }
            guard bytes[i] == close else { throw Failure.malformed }
            break
        }
        let closeIndex = i
        let shorten = open == 0x5B && spans.count > limits.threshold && isUniform(spans.map(\.value))
        let shown = shorten ? limits.kept : spans.count
        out.append(contentsOf: bytes[start..<spans[0].start])
        for k in 0..<shown {
            out.append(contentsOf: bytes[spans[k].start..<spans[k].value])
            _ = try emitValue(at: spans[k].value)
            let next = k + 1 < spans.count ? spans[k + 1].start : closeIndex
            if shorten && k == shown - 1 {
                out.append(contentsOf: bytes[spans[k].end..<next])  // the comma and spacing before the next item
                out.append(contentsOf: Array("\"… \(spans.count - shown) more items …\"".utf8))
                out.append(contentsOf: bytes[spans[spans.count - 1].end..<closeIndex])
                elided = true
            } else {
                out.append(contentsOf: bytes[spans[k].end..<next])
            }
        }
        out.append(close)
        return closeIndex + 1
    }

    /// Whether all items are of the same JSON type (objects, arrays, strings, numbers or literals).
    func isUniform(_ starts: [Int]) -> Bool {
        func kind(_ b: UInt8) -> UInt8 { (b == 0x2D || (b >= 0x30 && b <= 0x39)) ? 0x30 : b }
        let first = kind(bytes[starts[0]])
        return starts.allSatisfy { kind(bytes[$0]) == first }
    }
}
