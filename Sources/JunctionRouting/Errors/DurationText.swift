import Foundation

/// Parsers for the ways providers write a wait or a reset time.
public enum DurationText {
    /// Parses OpenAI's duration format (`6m0s`, `1s`, `20ms`, `1h2m3.5s`, `2d`), or a bare number of seconds.
    ///
    /// Returns seconds, or `nil` when the text is not a duration.
    public static func seconds(fromGoDuration text: String) -> TimeInterval? {
        let text = text.trimmingWhitespace().lowercased()
        guard !text.isEmpty else { return nil }
        if let plain = Double(text) { return plain >= 0 ? plain : nil }
        var total: TimeInterval = 0
        var number = ""
        var unit = ""
        var sawUnit = false
        func flush() -> Bool {
            guard !number.isEmpty, let value = Double(number) else { return false }
            let factor: Double
            switch unit {
            case "d": factor = 86_400
            case "h": factor = 3_600
            case "m": factor = 60
            case "s": factor = 1
            case "ms": factor = 0.001
            case "us", "µs": factor = 0.000_001
            case "ns": factor = 0.000_000_001
            default: return false
            }
            total += value * factor
            number = ""
            unit = ""
            sawUnit = true
            return true
        }
        for character in text {
            if character.isNumber || character == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(character)
            } else if character.isLetter || character == "µ" {
                guard !number.isEmpty else { return nil }
                unit.append(character)
            } else {
                return nil
            }
        }
        if !number.isEmpty || !unit.isEmpty { guard flush() else { return nil } }
        return sawUnit ? total : nil
    }

    /// Parses an RFC 3339 / ISO 8601 timestamp, with or without fractional seconds.
    public static func date(fromRFC3339 text: String) -> Date? {
        let text = text.trimmingWhitespace()
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// Parses an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`, RFC 9110 IMF-fixdate).
    public static func date(fromHTTPDate text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text.trimmingWhitespace())
    }

    /// Parses a `Retry-After` value: delta seconds or an HTTP date. Returns the absolute time it names.
    public static func retryAfter(_ text: String, now: Date) -> Date? {
        if let seconds = Double(text.trimmingWhitespace()), seconds >= 0 {
            return now.addingTimeInterval(seconds)
        }
        return date(fromHTTPDate: text)
    }

    /// Parses a reset value of unknown style: an RFC 3339 time, a Go-style duration, delta seconds,
    /// or an epoch time in seconds or milliseconds (told apart by size). Returns the absolute time.
    public static func resetTime(_ text: String, now: Date) -> Date? {
        let text = text.trimmingWhitespace()
        if let number = Double(text) {
            if number > 1e12 { return Date(timeIntervalSince1970: number / 1000) }
            if number > 1e9 { return Date(timeIntervalSince1970: number) }
            return number >= 0 ? now.addingTimeInterval(number) : nil
        }
        if let seconds = seconds(fromGoDuration: text) { return now.addingTimeInterval(seconds) }
        if let date = date(fromRFC3339: text) { return date }
        return date(fromHTTPDate: text)
    }
}
