import Foundation
import MastheadCore
import Testing

@Suite struct ConversationSettingsTests {
    let published = Date(timeIntervalSince1970: 1_739_530_800)

    @Test func aTimedConversationClosesTheSitesNumberOfDaysAfterPublication() {
        let timed = ConversationSettings.standard
        let closes = published.addingTimeInterval(14 * 86_400)
        #expect(timed.closesAt(publishedAt: published, closeAfterDays: 14) == closes)
        #expect(timed.isOpen(publishedAt: published, now: closes.addingTimeInterval(-1), closeAfterDays: 14))
        #expect(!timed.isOpen(publishedAt: published, now: closes, closeAfterDays: 14))
        #expect(!timed.isOpen(publishedAt: published, now: published, closeAfterDays: 0))
        #expect(timed.isOpen(publishedAt: nil, now: published, closeAfterDays: 14), "unpublished: not timed yet")
    }

    @Test func openAndClosedIgnoreTheClock() {
        let later = published.addingTimeInterval(400 * 86_400)
        #expect(ConversationSettings(mode: .open).isOpen(publishedAt: published, now: later, closeAfterDays: 14))
        #expect(!ConversationSettings(mode: .closed).isOpen(publishedAt: published, now: published, closeAfterDays: 14))
        #expect(ConversationSettings(mode: .open).closesAt(publishedAt: published, closeAfterDays: 14) == nil)
    }
}
