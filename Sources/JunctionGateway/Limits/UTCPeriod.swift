public import Foundation

/// The UTC day and month that key limits are counted over.
public enum UTCPeriod {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Midnight UTC at the start of the day holding `date`.
    public static func dayStart(_ date: Date) -> Date {
        calendar.startOfDay(for: date)
    }

    /// Midnight UTC at the start of the next day.
    public static func nextDayStart(_ date: Date) -> Date {
        calendar.date(byAdding: .day, value: 1, to: dayStart(date))!
    }

    /// Midnight UTC on the first of the month holding `date`.
    public static func monthStart(_ date: Date) -> Date {
        calendar.date(from: calendar.dateComponents([.year, .month], from: date))!
    }

    /// Midnight UTC on the first of the next month.
    public static func nextMonthStart(_ date: Date) -> Date {
        calendar.date(byAdding: .month, value: 1, to: monthStart(date))!
    }
}
