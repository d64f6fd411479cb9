import Foundation
import MastheadCore
import Testing

/// Who may do what in a conversation, case by case.
@Suite struct ConversationPolicyTests {
    typealias Refusal = ConversationPolicy.Refusal

    static let now = Date(timeIntervalSince1970: 1_739_530_800)
    static let confirmed = Commenter(
        id: UUID(), email: "ola@example.com", displayName: "Ola", verifiedAt: now.addingTimeInterval(-86_400),
        createdAt: now.addingTimeInterval(-86_400))
    static let unconfirmed = Commenter(
        id: UUID(), email: "new@example.com", displayName: "New", createdAt: now.addingTimeInterval(-60))

    enum Who: String, CaseIterable {
        case guest, unconfirmed, confirmed

        var reader: Commenter? {
            switch self {
            case .guest: nil
            case .unconfirmed: ConversationPolicyTests.unconfirmed
            case .confirmed: ConversationPolicyTests.confirmed
            }
        }
    }

    /// A story published `daysAgo` days before now, its conversation set to `mode`, on a site that
    /// closes timed conversations after 14 days.
    static func article(_ mode: ConversationSettings.Mode, daysAgo: Double = 1) -> ConversationTarget {
        ConversationTarget(
            id: UUID(), slug: Slug("talks")!, publishedAt: now.addingTimeInterval(-daysAgo * 86_400),
            conversation: ConversationSettings(mode: mode))
    }

    static func site(guests: Bool) -> SiteSettings {
        var settings = SiteSettings.defaults
        settings.commentsCloseAfterDays = 14
        settings.comments.allowGuests = guests
        return settings
    }

    @Test func whoMayPostAndWhatTheFootOfTheConversationShows() {
        let cases: [(Who, ConversationTarget, guests: Bool, Refusal?, ConversationPolicy.Invitation)] = [
            (.guest, Self.article(.open), true, nil, .form),
            (.guest, Self.article(.open), false, .guestsOff, .account),
            (.unconfirmed, Self.article(.open), true, .unconfirmed(email: "new@example.com"), .account),
            (.unconfirmed, Self.article(.open), false, .unconfirmed(email: "new@example.com"), .account),
            (.confirmed, Self.article(.open), true, nil, .form),
            (.confirmed, Self.article(.open), false, nil, .form),
            (.confirmed, Self.article(.timed, daysAgo: 13.9), false, nil, .form),
            (.confirmed, Self.article(.timed, daysAgo: 14), true, .closed, .closed),
            (.guest, Self.article(.timed, daysAgo: 20), false, .closed, .closed),
            (.unconfirmed, Self.article(.timed, daysAgo: 20), true, .closed, .closed),
            (.confirmed, Self.article(.closed, daysAgo: 0), true, .closed, .closed),
            (.guest, Self.article(.closed), true, .closed, .closed),
            (.confirmed, Self.article(.open, daysAgo: 400), true, nil, .form),
        ]
        for (who, story, guests, refusal, invitation) in cases {
            let policy = ConversationPolicy(reader: who.reader, now: Self.now)
            let site = Self.site(guests: guests)
            let label = "\(who) on \(story.conversation.mode), guests \(guests ? "on" : "off")"
            #expect(policy.postingRefusal(on: story, settings: site) == refusal, "\(label)")
            #expect(policy.mayPost(on: story, settings: site) == (refusal == nil), "\(label)")
            #expect(policy.invitation(on: story, settings: site) == invitation, "\(label)")
        }
    }

    @Test func whatEachReaderMayDoToAComment() {
        func comment(by author: Commenter?, minutesAgo: Double = 1, deleted: Bool = false) -> MastheadCore.Comment {
            MastheadCore.Comment(
                id: UUID(), articleID: UUID(), commenterID: author?.id, displayName: author?.displayName ?? "Guest",
                body: "Text.", bodyHTML: "<p>Text.</p>", status: .published,
                createdAt: Self.now.addingTimeInterval(-minutesAgo * 60),
                deletedAt: deleted ? Self.now : nil)
        }
        let ownFresh = comment(by: Self.confirmed)
        let ownOld = comment(by: Self.confirmed, minutesAgo: 5)
        let ownDeleted = comment(by: Self.confirmed, deleted: true)
        let others = comment(by: Self.unconfirmed)
        let guests = comment(by: nil)
        struct Expected {
            var edit: Refusal?
            var delete: Refusal?
            var like: Refusal?
            var report: Bool
        }
        let confirmed = ConversationPolicy(reader: Self.confirmed, now: Self.now)
        let unconfirmed = ConversationPolicy(reader: Self.unconfirmed, now: Self.now)
        let guest = ConversationPolicy(reader: nil, now: Self.now)
        let cases: [(String, ConversationPolicy, MastheadCore.Comment, Expected)] = [
            ("own, just posted", confirmed, ownFresh, Expected(edit: nil, delete: nil, like: .likeOwn, report: false)),
            (
                "own, five minutes on", confirmed, ownOld,
                Expected(edit: .editWindowPassed, delete: nil, like: .likeOwn, report: false)
            ),
            (
                "someone else's", confirmed, others,
                Expected(edit: .notOwn, delete: .notOwn, like: nil, report: true)
            ),
            ("a guest's", confirmed, guests, Expected(edit: .notOwn, delete: .notOwn, like: nil, report: true)),
            (
                "unconfirmed, someone else's", unconfirmed, ownFresh,
                Expected(edit: .notOwn, delete: .notOwn, like: .likeUnconfirmed, report: true)
            ),
            (
                "unconfirmed, their own", unconfirmed, others,
                Expected(edit: nil, delete: nil, like: .likeUnconfirmed, report: false)
            ),
            (
                "a guest, a guest's", guest, guests,
                Expected(edit: .notOwn, delete: .notOwn, like: .likeUnconfirmed, report: true)
            ),
        ]
        for (label, policy, comment, expected) in cases {
            #expect(policy.editRefusal(comment) == expected.edit, "\(label)")
            #expect(policy.deleteRefusal(comment) == expected.delete, "\(label)")
            #expect(policy.likeRefusal(comment) == expected.like, "\(label)")
            #expect(policy.mayEdit(comment) == (expected.edit == nil), "\(label)")
            #expect(policy.mayDelete(comment) == (expected.delete == nil), "\(label)")
            #expect(policy.mayLike(comment) == (expected.like == nil), "\(label)")
            #expect(policy.mayReport(comment) == expected.report, "\(label)")
        }
        // A deleted comment offers nothing, not even to its author.
        #expect(!confirmed.mayEdit(ownDeleted) && !confirmed.mayDelete(ownDeleted))
        #expect(!unconfirmed.mayReport(ownDeleted) && !guest.mayReport(ownDeleted))
        #expect(!ConversationPolicy(reader: Self.unconfirmed, now: Self.now).mayLike(ownDeleted))
        // A like is refused for the reader before the comment is known to exist.
        #expect(unconfirmed.likeRefusal(nil) == .likeUnconfirmed)
        #expect(confirmed.likeRefusal(nil) == nil)
    }

    @Test func refusalsSayWhatToDoInTheWordsThePagesUsed() {
        #expect(
            Refusal.closed.description
                == "Comments on this story are closed, so yours was not posted. Your text is still below.")
        #expect(
            Refusal.unconfirmed(email: "new@example.com").description
                == "Please confirm your email address first: open the link we sent to new@example.com. "
                + "Your comment is still below.")
        #expect(
            Refusal.guestsOff.description
                == "Please sign in or create an account to comment. Your comment is still below.")
        #expect(
            Refusal.editWindowPassed.description
                == "Comments can be edited for 5 minutes after posting; this one can no longer be changed.")
    }
}
