/// Byte-level substring tests: the standard library's `contains` on strings is Unicode-aware and far too slow
/// for scanning megabytes of tool output line by line, while every needle here is ASCII or exact UTF-8.
extension Substring {
    /// Whether the UTF-8 bytes of `needle` occur in the line.
    @inline(__always) func has(_ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        let start = needle.utf8Start
        if let found = utf8.withContiguousStorageIfAvailable({ Bytes.find(start, count, in: $0) }) { return found }
        return Bytes.find(start, count, in: Array(utf8))
    }

    /// Whether the UTF-8 bytes of any of `needles` occur in the line (one pass over the storage per needle, no copies).
    @inline(__always) func hasAny(_ needles: [StaticString]) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ hay in
            needles.contains { Bytes.find($0.utf8Start, $0.utf8CodeUnitCount, in: hay) }
        }) { return found }
        return needles.contains { has($0) }
    }

    /// Whether the line starts with the UTF-8 bytes of `prefix`.
    @inline(__always) func begins(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        let start = prefix.utf8Start
        if let found = utf8.withContiguousStorageIfAvailable({ hay -> Bool in
            guard hay.count >= count else { return false }
            for k in 0..<count where hay[k] != start[k] { return false }
            return true
        }) { return found }
        return utf8.starts(with: UnsafeBufferPointer(start: start, count: count))
    }
}

/// The search behind ``Substring/has(_:)``.
enum Bytes {
    /// Whether `count` bytes at `needle` occur in `hay`.
    @inline(__always) static func find<C: Collection>(_ needle: UnsafePointer<UInt8>, _ count: Int, in hay: C) -> Bool where C.Element == UInt8, C.Index == Int {
        guard count > 0 else { return true }
        guard hay.count >= count else { return false }
        let first = needle[0]
        var i = hay.startIndex
        let last = hay.endIndex - count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < count, hay[i + k] == needle[k] { k += 1 }
                if k == count { return true }
            }
            i += 1
        }
        return false
    }
}

/// A dictionary key that hashes and compares a line's UTF-8 bytes, skipping the Unicode normalisation that
/// `Substring`'s own hashing performs (tool output is compared byte for byte anyway).
struct ByteKey: Hashable, Sendable {
    let text: Substring

    init(_ text: Substring) { self.text = text }

    func hash(into hasher: inout Hasher) {
        if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for b in text.utf8 { hasher.combine(b) }
        }
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
}
