import Foundation

/// How a story's publication time reads in lists: `11:25` when it was published today in the site's
/// time zone, `13 Feb` when earlier this year, `13 Feb 2024` before that.
///
/// Month names are English for now; the site's language setting does not translate them yet.
public enum TimeLabel {
    public static func label(for published: Date, now: Date, timeZone: TimeZone) -> String {
        let story = LocalTime(published, in: timeZone)
        let today = LocalTime(now, in: timeZone)
        if story.day == today.day { return twoDigits(story.hour) + ":" + twoDigits(story.minute) }
        let short = "\(story.dayOfMonth) \(shortMonths[story.month - 1])"
        return story.year == today.year ? short : "\(short) \(story.year)"
    }

    /// The full form for an article's dateline: `14 February 2025, 11:40`.
    public static func full(for date: Date, timeZone: TimeZone) -> String {
        let local = LocalTime(date, in: timeZone)
        return "\(local.dayOfMonth) \(longMonths[local.month - 1]) \(local.year), "
            + "\(twoDigits(local.hour)):\(twoDigits(local.minute))"
    }

    /// The machine-readable form for `<time datetime>` and structured data, in UTC:
    /// `2025-02-14T10:40:00Z`.
    public static func iso8601(_ date: Date) -> String {
        let utc = LocalTime(date, offset: 0)
        guard (0...9999).contains(utc.year) else {
            return "\(utc.year)-\(twoDigits(utc.month))-\(twoDigits(utc.dayOfMonth))T"
                + "\(twoDigits(utc.hour)):\(twoDigits(utc.minute)):\(twoDigits(utc.second))Z"
        }
        // Written digit by digit: every comment on a page carries one, and interpolating six
        // numbers into strings cost more than the arithmetic that found them.
        let fields: [(number: Int, width: Int, then: UInt8)] = [
            (utc.year, 4, UInt8(ascii: "-")), (utc.month, 2, UInt8(ascii: "-")), (utc.dayOfMonth, 2, UInt8(ascii: "T")),
            (utc.hour, 2, UInt8(ascii: ":")), (utc.minute, 2, UInt8(ascii: ":")), (utc.second, 2, UInt8(ascii: "Z")),
        ]
        return String(unsafeUninitializedCapacity: 20) { out in
            var position = 0
            for field in fields {
                var number = field.number
                for offset in stride(from: field.width - 1, through: 0, by: -1) {
                    out[position + offset] = UInt8(ascii: "0") + UInt8(number % 10)
                    number /= 10
                }
                out[position + field.width] = field.then
                position += field.width + 1
            }
            return position
        }
    }

    /// A moment's calendar fields in a time zone, by arithmetic on the zone's offset at that moment:
    /// pages label dozens of times each, and a `Calendar` computed them at a cost that showed in profiles.
    struct LocalTime {
        /// Days since 1970-01-01 in the zone: two moments fall on the same local day when these match.
        let day: Int
        let year: Int
        let month: Int
        let dayOfMonth: Int
        let hour: Int
        let minute: Int
        let second: Int

        init(_ date: Date, in timeZone: TimeZone) {
            self.init(date, offset: timeZone.secondsFromGMT(for: date))
        }

        init(_ date: Date, offset: Int) {
            let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
            day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let time = seconds - day * 86_400
            (year, month, dayOfMonth) = HTTPDate.civil(fromDays: day)
            hour = time / 3_600
            minute = time / 60 % 60
            second = time % 60
        }
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
