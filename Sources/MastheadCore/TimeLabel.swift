import Foundation

/// How a story's publication time reads in lists: `11:25` when it was published today in the site's
/// time zone, `13 Feb` when earlier this year, `13 Feb 2024` before that.
///
/// Month names are English for now; the site's language setting does not translate them yet.
public enum TimeLabel {
    public static func label(for published: Date, now: Date, timeZone: TimeZone) -> String {
        let calendar = gregorian(in: timeZone)
        let story = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: published)
        let today = calendar.dateComponents([.year, .month, .day], from: now)
        if story.year == today.year, story.month == today.month, story.day == today.day {
            return twoDigits(story.hour ?? 0) + ":" + twoDigits(story.minute ?? 0)
        }
        let short = "\(story.day ?? 1) \(shortMonths[(story.month ?? 1) - 1])"
        return story.year == today.year ? short : "\(short) \(story.year ?? 0)"
    }

    /// The full form for an article's dateline: `14 February 2025, 11:40`.
    public static func full(for date: Date, timeZone: TimeZone) -> String {
        let parts = gregorian(in: timeZone).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let month = longMonths[(parts.month ?? 1) - 1]
        return
            "\(parts.day ?? 1) \(month) \(parts.year ?? 0), \(twoDigits(parts.hour ?? 0)):\(twoDigits(parts.minute ?? 0))"
    }

    /// The machine-readable form for `<time datetime>` and structured data, in UTC.
    public static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    private static func gregorian(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static let shortMonths = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    private static let longMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
