/// Removes terminal noise that carries no meaning for a model: ANSI escapes, carriage-return overwrites and progress bars.
///
/// Applied at every level but `off`, to every output, errors included. Lines are otherwise untouched,
/// and a text with no noise comes back as the very same string.
enum Noise {
    /// Returns `text` without ANSI escapes, with each carriage-return-overwritten line reduced to what a terminal
    /// would finally show, CRLF turned into LF, and without progress-bar lines.
    static func strip(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String in
            guard needsWork(bytes) else { return text }
            var withoutEscapes = [UInt8]()
            withoutEscapes.reserveCapacity(bytes.count)
            removeEscapes(bytes, into: &withoutEscapes)
            let result = withoutEscapes.withUnsafeBufferPointer { resolveLines($0) }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Whether any escape, carriage return or progress glyph is present at all (the common fast path says no).
    static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x1B || b == 0x0D { return true }
            if b == 0xE2, i + 1 < n, bytes[i + 1] == 0x96 || bytes[i + 1] == 0x94 { if isBarGlyph(bytes, i) { return true } }
            if b == 0x25, lineHasAsciiBar(bytes, around: i) { return true }
            i += 1
        }
        return false
    }

    /// Copies `bytes` without CSI, OSC and two-byte escape sequences.
    static func removeEscapes(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            guard b == 0x1B else { out.append(b); i += 1; continue }
            i += 1
            guard i < n else { break }
            let kind = bytes[i]
            i += 1
            if kind == 0x5B {  // CSI: parameters and intermediates, then a final byte 0x40–0x7E
                while i < n, !(bytes[i] >= 0x40 && bytes[i] <= 0x7E) { i += 1 }
                i += 1
            } else if kind == 0x5D {  // OSC: until BEL or ESC \
                while i < n, bytes[i] != 0x07, !(bytes[i] == 0x1B && i + 1 < n && bytes[i + 1] == 0x5C) { i += 1 }
                i += (i < n && bytes[i] == 0x07) ? 1 : 2
            } else if kind == 0x28 || kind == 0x29 || kind == 0x23 {
                i += 1
            }
        }
    }

    /// Resolves carriage returns and drops progress-bar lines.
    static func resolveLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var start = 0
        let n = bytes.count
        while start < n {
            var end = start
            while end < n, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            // The visible text after overwrites: the last non-empty segment between carriage returns.
            var segmentStart = start
            var k = lineEnd
            while k > start {
                k -= 1
                if bytes[k] == 0x0D {
                    if k + 1 < lineEnd { segmentStart = k + 1; break }
                    lineEnd = k
                }
            }
            let line = UnsafeBufferPointer(rebasing: bytes[segmentStart..<lineEnd])
            let keep = !isProgressLine(line)
            if keep { out.append(contentsOf: line) }
            if end < n, keep { out.append(0x0A) }
            start = end + 1
        }
        return out
    }

    /// Whether a line is a progress bar: at least five bar glyphs, or an ASCII `[====>   ]` bar with a percentage.
    static func isProgressLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var glyphs = 0
        var i = 0
        while i < line.count {
            if line[i] == 0xE2, isBarGlyph(line, i) { glyphs += 1; i += 3; continue }
            i += 1
        }
        if glyphs >= 5 { return true }
        var percent = false
        for b in line where b == 0x25 { percent = true; break }
        return percent && (asciiBar(line) || hashRun(line))
    }

    /// A run of at least ten `#` (curl's `-#` bar).
    static func hashRun(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        for b in line {
            run = b == 0x23 ? run + 1 : 0
            if run >= 10 { return true }
        }
        return false
    }

    /// `━` (E2 94 81) or a block element (E2 96 80…9F).
    @inline(__always) static func isBarGlyph(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i + 2 < bytes.count else { return false }
        if bytes[i + 1] == 0x94 { return bytes[i + 2] == 0x81 }
        return bytes[i + 1] == 0x96 && bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0x9F
    }

    /// Finds the line around a `%` and checks it for an ASCII bar.
    static func lineHasAsciiBar(_ bytes: UnsafeBufferPointer<UInt8>, around index: Int) -> Bool {
        var s = index
        while s > 0, bytes[s - 1] != 0x0A { s -= 1 }
        var e = index
        while e < bytes.count, bytes[e] != 0x0A { e += 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[s..<e])
        return asciiBar(line) || hashRun(line)
    }

    /// `[` followed by ten or more of `=#>-. ` with at least five `=` or `#`, then `]`.
    static func asciiBar(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < line.count {
            if line[i] == 0x5B {
                var j = i + 1
                var filled = 0
                while j < line.count, [0x3D, 0x23, 0x3E, 0x2D, 0x2E, 0x20].contains(line[j]) {
                    if line[j] == 0x3D || line[j] == 0x23 { filled += 1 }
                    j += 1
                }
                if j < line.count, line[j] == 0x5D, j - i - 1 >= 10, filled >= 5 { return true }
                i = j
            } else {
                i += 1
            }
        }
        return false
    }
}
