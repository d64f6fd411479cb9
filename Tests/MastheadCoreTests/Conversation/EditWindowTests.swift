import Foundation
import MastheadCore
import Testing

@Suite struct EditWindowTests {
    let posted = Date(timeIntervalSince1970: 1_739_530_800)

    @Test func opensForFiveMinutesFromPosting() {
        let cases: [(elapsed: TimeInterval, allows: Bool, left: Int)] = [
            (0, true, 300), (0.5, true, 300), (299, true, 1), (299.5, true, 1), (300, false, 0), (301, false, 0),
            (86_400, false, 0),
        ]
        for (elapsed, allows, left) in cases {
            let now = posted.addingTimeInterval(elapsed)
            #expect(EditWindow.allows(editingCommentCreatedAt: posted, now: now) == allows, "at \(elapsed) s")
            #expect(EditWindow.secondsLeft(createdAt: posted, now: now) == left, "at \(elapsed) s")
        }
    }

    @Test func letsAReaderEditACommentStampedInTheFuture() {
        let now = posted.addingTimeInterval(-30)
        #expect(EditWindow.allows(editingCommentCreatedAt: posted, now: now))
        #expect(EditWindow.secondsLeft(createdAt: posted, now: now) == 300)
        #expect(EditWindow.secondsLeft(createdAt: .distantFuture, now: posted) == 300)
    }

    @Test func refusesAnUnreadableTimeWithoutCrashing() {
        let broken = Date(timeIntervalSince1970: .nan)
        #expect(!EditWindow.allows(editingCommentCreatedAt: broken, now: posted))
        #expect(EditWindow.secondsLeft(createdAt: broken, now: posted) == 0)
    }
}
