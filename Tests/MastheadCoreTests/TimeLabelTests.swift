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

    @Test func theMachineFormIsUTCToTheSecond() {
        #expect(TimeLabel.iso8601(utcDate(2025, 2, 14, 10, 40)) == "2025-02-14T10:40:00Z")
    }

    /// The arithmetic agrees with Foundation's calendar across years, zones and daylight-saving changes.
    @Test func agreesWithTheCalendarOverManyMoments() {
        let zones = ["Europe/Warsaw", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"].map {
            TimeZone(identifier: $0)!
        }
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        for zone in zones {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            var seconds = 1_500_000_000.0
            while seconds < 1_900_000_000 {
                let date = Date(timeIntervalSince1970: seconds)
                let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
                let full = TimeLabel.full(for: date, timeZone: zone)
                let expected =
                    "\(parts.day!) \(months[parts.month! - 1]) \(parts.year!), "
                    + String(format: "%02d:%02d", parts.hour!, parts.minute!)
                #expect(full == expected, "\(zone.identifier) \(seconds)")
                let hourLater = date.addingTimeInterval(3_600)
                let sameDay = calendar.isDate(date, inSameDayAs: hourLater)
                #expect(TimeLabel.label(for: date, now: hourLater, timeZone: zone).contains(":") == sameDay)
                #expect(TimeLabel.iso8601(date) == date.formatted(.iso8601))
                seconds += 86_400 * 17 + 3_917
            }
        }
    }
}
