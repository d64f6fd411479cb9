import Foundation
import Testing

@testable import MastheadCore

@Suite struct CacheExpiryTests {
    let warsaw = TimeZone(identifier: "Europe/Warsaw")!

    @Test func aPageExpiresAtTheNextLocalMidnight() {
        // 14 Feb 2025, 12:00 in Warsaw (11:00 UTC): midnight there is 23:00 UTC.
        let noon = Date(timeIntervalSince1970: 1_739_530_800)
        #expect(CacheExpiry.nextMidnight(after: noon, in: warsaw) == Date(timeIntervalSince1970: 1_739_574_000))
        #expect(
            CacheExpiry.nextMidnight(after: noon, in: TimeZone(identifier: "UTC")!)
                == Date(timeIntervalSince1970: 1_739_577_600))
    }

    @Test func aDaylightSavingDayIsTwentyThreeHoursLong() {
        // 30 March 2025 in Warsaw: the clocks jump from 02:00 to 03:00.
        let earlyMorning = Date(timeIntervalSince1970: 1_743_289_200)  // 00:00 CET on 30 March
        let midnight = CacheExpiry.nextMidnight(after: earlyMorning.addingTimeInterval(60), in: warsaw)
        #expect(midnight.timeIntervalSince(earlyMorning) == 23 * 3_600)
    }

    @Test func theEarliestLaterMomentWins() {
        let now = Date(timeIntervalSince1970: 1_739_530_800)
        let soon = now.addingTimeInterval(600)
        #expect(CacheExpiry.expiry(now: now, timeZone: warsaw, dueAt: [nil, soon]) == soon)
        // A moment already past changes nothing: it fell due before the page was built.
        #expect(
            CacheExpiry.expiry(now: now, timeZone: warsaw, dueAt: [now.addingTimeInterval(-5)])
                == CacheExpiry.nextMidnight(after: now, in: warsaw))
    }
}

@Suite struct CacheInvalidationTests {
    let story = UUID()

    func event(_ name: DomainEvent.Name, articleID: UUID? = nil) -> DomainEvent {
        DomainEvent(name: name, subjectID: UUID(), actorID: nil, occurredAt: Date(), articleID: articleID)
    }

    @Test func aStoryAppearingOrGoingChangesEveryList() {
        let published = DomainEvent(name: .articlePublished, subjectID: story, actorID: nil, occurredAt: Date())
        guard case .keys(let keys) = CacheInvalidation.of(published) else {
            Issue.record("a publish drops pages by key")
            return
        }
        #expect(keys.contains(CacheKey.lists) && keys.contains(CacheKey.article(story)))
    }

    @Test func anEditDropsOnlyThePagesShowingTheStory() {
        let updated = DomainEvent(name: .articleUpdated, subjectID: story, actorID: nil, occurredAt: Date())
        guard case .keys(let keys) = CacheInvalidation.of(updated) else {
            Issue.record("an edit drops pages by key")
            return
        }
        #expect(keys.contains(CacheKey.article(story)))
        #expect(!keys.contains(CacheKey.lists))
    }

    @Test func aCommentDropsItsStorysPagesAndAHeldOneNothing() {
        #expect(CacheInvalidation.of(event(.commentPublished, articleID: story)) == .keys([CacheKey.article(story)]))
        #expect(CacheInvalidation.of(event(.commentHeld, articleID: story)) == .nothing)
        #expect(CacheInvalidation.of(event(.commentPublished)) == .everything)
    }

    @Test func whatEveryPageShowsDropsEverything() {
        for name in [DomainEvent.Name.settingsChanged, .topicRenamed, .authorChanged, .commenterChanged] {
            #expect(CacheInvalidation.of(event(name)) == .everything, "\(name)")
        }
    }
}

@Suite struct RecencyCacheTests {
    @Test func theLeastRecentlyUsedGoFirstWhenTheBudgetIsExceeded() {
        var cache = RecencyCache<String, Int>(capacity: 100)
        cache.insert(1, for: "a", cost: 40, tags: [])
        cache.insert(2, for: "b", cost: 40, tags: [])
        #expect(cache.value(for: "a") == 1)
        cache.insert(3, for: "c", cost: 40, tags: [])
        #expect(cache.value(for: "b") == nil)
        #expect(cache.value(for: "a") == 1 && cache.value(for: "c") == 3)
        #expect(cache.totalCost <= 100)
    }

    @Test func anEntryLargerThanTheBudgetIsNotKept() {
        var cache = RecencyCache<String, Int>(capacity: 10)
        cache.insert(1, for: "big", cost: 11, tags: [])
        #expect(cache.count == 0 && cache.totalCost == 0)
    }

    @Test func entriesGoByTagAndReplacingOneKeepsTheCostRight() {
        var cache = RecencyCache<String, Int>(capacity: 1_000)
        cache.insert(1, for: "home", cost: 10, tags: ["lists", "article-1"])
        cache.insert(2, for: "story", cost: 10, tags: ["article-2"])
        cache.insert(3, for: "story", cost: 30, tags: ["article-2"])
        #expect(cache.totalCost == 40)
        #expect(cache.remove(taggedWith: ["article-1"]) == 1)
        #expect(cache.value(for: "home") == nil && cache.value(for: "story") == 3)
        #expect(cache.totalCost == 30)
    }
}

@Suite struct HTTPDateTests {
    @Test func writesAndReadsTheFormatOfRFC9110() {
        let date = Date(timeIntervalSince1970: 784_111_777)
        #expect(HTTPDate.format(date) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == date)
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 1_740_787_199)) == "Fri, 28 Feb 2025 23:59:59 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 GMT")
    }

    @Test func agreesWithFoundationOverManyDays() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        var seconds = -86_400.0 * 400
        while seconds < 86_400 * 365 * 80 {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(HTTPDate.format(date) == formatter.string(from: date))
            #expect(HTTPDate.parse(formatter.string(from: date)) == date)
            seconds += 86_400 * 13 + 3_607
        }
    }

    @Test func anythingElseIsNoDate() {
        for text in [
            "", "yesterday", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 UTC",
        ] {
            #expect(HTTPDate.parse(text) == nil, "\(text)")
        }
    }
}

/// The next local midnight is remembered for the day it was asked about, and asked again after.
@Suite struct NextMidnightTests {
    @Test func eachDayAndEachZoneGetsItsOwnMidnight() throws {
        let warsaw = try #require(TimeZone(identifier: "Europe/Warsaw"))
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        var calendar = Calendar(identifier: .gregorian)
        for zone in [warsaw, tokyo, warsaw] {
            calendar.timeZone = zone
            // Every hour across the day daylight saving starts in Europe, so 23-hour days are crossed.
            var now = try #require(calendar.date(from: DateComponents(year: 2026, month: 3, day: 28, hour: 0)))
            for _ in 0..<72 {
                let expected = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now))
                #expect(CacheExpiry.nextMidnight(after: now, in: zone) == expected)
                now.addTimeInterval(3_600)
            }
        }
    }
}
