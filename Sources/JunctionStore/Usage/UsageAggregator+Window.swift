public import Foundation

extension UsageAggregator {
    /// Reads a window length: `30m`, `24h`, `7d`, `2w`, `90s` or plain seconds (`3600`); decimals
    /// such as `1.5h` are allowed. `nil` when garbled, zero or negative.
    public static func parseWindow(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last else { return nil }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        let unit = units[last]
        let number = unit == nil ? trimmed : String(trimmed.dropLast())
        // Only digits and at most one point: Double(_:) alone would also take "inf", "nan" and "1e3".
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            number.filter({ $0 == "." }).count <= 1, let value = Double(number), value > 0
        else { return nil }
        return value * (unit ?? 1)
    }
}
