import Foundation
import MastheadCore
import Testing

@Suite struct TimeLabelTests {
    let warsaw = TimeZone(identifier: "Europe/Warsaw")!
    let utc = TimeZone(identifier: "UTC")!
    /// 14 February 2025, 12:00 in Warsaw (11:00 UTC).
    let now = Date(timeIntervalSince1970: 1_739_530_800)

    func utcDate(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    @Test func todayShowsTheTwentyFourHourClockInTheSiteZone() {
        #expect(TimeLabel.label(for: utcDate(2025, 2, 14, 10, 25), now: now, timeZone: warsaw) == "11:25")
        #expect(TimeLabel.label(for: utcDate(2025, 2, 14, 3, 1), now: now, timeZone: warsaw) == "04:01")
    }

    @Test func anEarlierDayShowsAShortDate() {
        #expect(TimeLabel.label(for: utcDate(2025, 2, 13, 10, 0), now: now, timeZone: warsaw) == "13 Feb")
    }

    @Test func theDayBoundaryFollowsTheSiteZoneNotUTC() {
        // 23:30 UTC on 13 February is 00:30 on the 14th in Warsaw: today there, yesterday in UTC.
        let lateEvening = utcDate(2025, 2, 13, 23, 30)
        #expect(TimeLabel.label(for: lateEvening, now: now, timeZone: warsaw) == "00:30")
        #expect(TimeLabel.label(for: lateEvening, now: now, timeZone: utc) == "13 Feb")
    }

    @Test func anEarlierYearShowsTheYear() {
        #expect(TimeLabel.label(for: utcDate(2024, 12, 31, 12, 0), now: now, timeZone: warsaw) == "31 Dec 2024")
        #expect(TimeLabel.label(for: utcDate(2024, 2, 14, 10, 25), now: now, timeZone: warsaw) == "14 Feb 2024")
    }

    @Test func theFullFormNamesTheMonth() {
        #expect(TimeLabel.full(for: utcDate(2025, 2, 14, 10, 40), timeZone: warsaw) == "14 February 2025, 11:40")
    }
}
