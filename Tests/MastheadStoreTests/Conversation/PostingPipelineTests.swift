import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

/// The moderation pipeline wired to the database: every fact it weighs is read from rows, so every
/// node decides alike.
@Suite struct PostingPipelineTests {
    @Test func aNewcomersFirstCommentWaitsAndARegularsIsPublished() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let newcomer = try await talk.reader("New", approved: 0)
            let regular = try await talk.reader("Regular", approved: 5)
            let first = try await talk.post("Hello, first time here.", by: newcomer)
            #expect(first.comment?.status == .pending)
            #expect(first.comment?.reason == .firstComments)
            let known = try await talk.post("Good reporting.", by: regular, address: "hash-b")
            #expect(known.comment?.status == .published)
            #expect(try await store.articles.find(slug: talk.article.slug)?.commentCount == 1)
            #expect(try await store.commenters.find(regular.id)?.approvedCount == 6)
        }
    }

    @Test func guestsAreAlwaysHeldAndBannedWordsRejectedWithTheirReasonKept() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let guest = try await talk.post("Just passing by.", by: nil)
            #expect(guest.comment?.reason == .guest)
            let policy = ModerationPolicy(bannedWords: ["scam"], suspectWords: ["crypto"])
            let regular = try await talk.reader()
            let banned = try await talk.post("This is a SCAM.", by: regular, policy: policy)
            #expect(banned.comment?.status == .rejected)
            #expect(banned.comment?.reason == .bannedWord)
            let suspect = try await talk.post("Buy crypto now", by: regular, policy: policy, secondsLater: 1)
            #expect(suspect.comment?.status == .pending)
            #expect(suspect.comment?.reason == .suspectWord)
            let own = try await store.comments.unpublished(onArticle: talk.article.id, by: regular.id)
            #expect(Set(own.map(\.reason)) == [.bannedWord, .suspectWord])
            #expect(try await store.commenters.find(regular.id)?.rejectedCount == 1)
        }
    }

    @Test func aRepeatIsRejectedAndAFloodIsRateLimitedWithoutStoring() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let regular = try await talk.reader()
            let text = "The envoy's remarks contradict what the secretary said."
            #expect(try await talk.post(text, by: regular).comment?.status == .published)
            #expect(try await talk.post(text, by: regular, secondsLater: 5).comment?.reason == .repeatedComment)
            for index in 0..<3 {
                _ = try await talk.post("Point number \(index) about the talks.", by: regular, secondsLater: 10)
            }
            // Five stored within ten minutes: the sixth is refused and not stored.
            let limited = try await talk.post("One more thought.", by: regular, secondsLater: 60)
            guard case .rateLimited(let wait) = limited else {
                Issue.record("expected a rate limit, got \(limited)")
                return
            }
            #expect(wait == 540)
            #expect(try await store.comments.all(by: regular.id).count == 5)
            // Once the oldest leaves the window, posting works again.
            let later = try await talk.post("One more thought.", by: regular, secondsLater: 601)
            #expect(later.comment?.status == .published)
        }
    }

    @Test func oneAddressIsLimitedAcrossGuests() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            for index in 0..<20 {
                _ = try await talk.post("Guest comment \(index) with enough words", by: nil, address: "shared")
            }
            let limited = try await talk.post("Twenty-first from the same address", by: nil, address: "shared")
            #expect(limited == .rateLimited(retryAfter: 600))
            let elsewhere = try await talk.post("From another address entirely", by: nil, address: "other")
            #expect(elsewhere.comment?.status == .pending)
        }
    }

    @Test func aBannedCommenterIsRefusedUntilTheBanEnds() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let regular = try await talk.reader()
            let moderator = try await talk.moderator()
            try await store.moderationActions.ban(
                regular.id, until: talk.now.addingTimeInterval(3_600), reason: "Personal attacks.", by: moderator,
                now: talk.now)
            let refused = try await talk.post("Let me back in.", by: regular, secondsLater: 60)
            #expect(refused == .banned(until: talk.now.addingTimeInterval(3_600), reason: "Personal attacks."))
            #expect(try await store.comments.all(by: regular.id).isEmpty)
            let after = try await talk.post("Thanks for having me back.", by: regular, secondsLater: 3_601)
            #expect(after.comment?.status == .published)
            let log = try await store.moderation.log()
            #expect(log.first?.action == "ban")
            #expect(log.first?.moderatorName == "Maria Moderator")
            #expect(log.first?.note.contains("Personal attacks.") == true)
        }
    }

    @Test func aCommenterOftenRejectedGoesBackToPreModeration() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let regular = try await talk.reader(approved: 2)
            let moderator = try await talk.moderator()
            var ids: [UUID] = []
            for index in 0..<3 {
                let posted = try await talk.post(
                    "Opinion \(index) that a moderator will not like", by: regular, address: "a\(index)",
                    secondsLater: TimeInterval(index))
                if let id = posted.comment?.id { ids.append(id) }
            }
            _ = try await store.moderationActions.decide(
                .reject, on: ids, note: "Off topic", by: moderator, now: talk.now)
            // Two approved, three rejected: more than half of the judged comments were rejected.
            let next = try await talk.post("A calmer comment.", by: regular, address: "z", secondsLater: 700)
            #expect(next.comment?.reason == .oftenRejected)
        }
    }

    @Test func preModerationBySiteStoryAndCommenterEachHoldATrustedReader() async throws {
        try await FreshDatabase.with { store in
            let site = try await Conversation.make(store)
            let regular = try await site.reader()
            let bySite = try await site.post(
                "Held because the site reads everything.", by: regular, policy: ModerationPolicy(preModerateAll: true))
            #expect(bySite.comment?.reason == .preModeratedSite)

            let held = try await Conversation.make(
                store, conversation: ConversationSettings(mode: .open, preModerated: true), slug: 2)
            let byStory = try await held.post("Held because the story is read first.", by: regular, address: "b")
            #expect(byStory.comment?.reason == .preModeratedArticle)

            let moderator = try await site.moderator()
            try await store.moderationActions.preModerate(regular.id, true, note: "Watch", by: moderator, now: site.now)
            let byCommenter = try await site.post("Held because I am watched.", by: regular, address: "c")
            #expect(byCommenter.comment?.reason == .preModeratedCommenter)
            try await store.moderationActions.preModerate(regular.id, false, note: "", by: moderator, now: site.now)
            let trusted = try await site.post("Published again now.", by: regular, address: "d")
            #expect(trusted.comment?.status == .published)
            #expect(try await store.moderation.log().map(\.action) == ["trust", "premoderate"])
        }
    }

    /// Posting and reporting read before they write. On SQLite, two such transactions at once make the
    /// second fail at once unless writes queue (``WriterLock``); posts also meet in batches
    /// (``CommentBatcher``), reports do not. Every one of these must be stored. (Twenty of each: on
    /// PostgreSQL they wait for the store's few pooled connections, and more can time out on a busy
    /// test machine.)
    @Test func concurrentPostsAndReportsAreAllStored() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let target = try #require(
                try await talk.post("A comment to report.", by: try await talk.reader(), address: "x").comment)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        _ = try await talk.post(
                            "Concurrent comment number \(index).", by: nil, address: "address-\(index)")
                    }
                    group.addTask {
                        _ = try await store.commentActions.report(
                            target.id, report: CommentReport(reason: .spam), by: nil, addressHash: "reporter-\(index)",
                            now: talk.now)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.comments.all(onArticle: talk.article.id).count == 21)
            #expect(try await store.comments.find(target.id)?.reportCount == 20)
        }
    }
}
