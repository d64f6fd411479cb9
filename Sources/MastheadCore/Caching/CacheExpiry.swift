import Foundation
import Synchronization

/// When a cached page stops being right without anyone writing anything: at local midnight, when
/// `11:25` labels turn into dates (``TimeLabel``), and when the next scheduled story or comment
/// closing falls due (the visibility rule shows a scheduled story at its time, before the scheduler
/// records it).
public enum CacheExpiry {
    /// The first instant of the next day in `timeZone`, after `now`.
    public static func nextMidnight(after now: Date, in timeZone: TimeZone) -> Date {
        if let day = lastDay.withLock({ $0 }), day.timeZone == timeZone, day.start <= now, now < day.end {
            return day.end
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: now)
        // Adding a day to the start of today, not 86,400 seconds: a daylight-saving day is 23 or 25 hours.
        let midnight = calendar.date(byAdding: .day, value: 1, to: today) ?? now.addingTimeInterval(86_400)
        lastDay.withLock { $0 = Day(timeZone: timeZone, start: today, end: midnight) }
        return midnight
    }

    /// The local day asked about last: every uncached page asks, nearly always about the same day,
    /// and working it out with a calendar was a percent of the article page.
    private struct Day {
        let timeZone: TimeZone
        let start: Date
        let end: Date
    }

    private static let lastDay = Mutex<Day?>(nil)

    /// The earliest of the next midnight and every later moment given: when a page built at `now`
    /// must be built again.
    public static func expiry(now: Date, timeZone: TimeZone, dueAt moments: [Date?]) -> Date {
        moments.compactMap { $0 }.filter { $0 > now }.reduce(nextMidnight(after: now, in: timeZone)) { min($0, $1) }
    }
}
