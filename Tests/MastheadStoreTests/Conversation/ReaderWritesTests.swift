import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

/// Editing, deleting, liking and reporting: each through the write layer with its event.
@Suite struct ReaderWritesTests {
    @Test func aCommentCanBeEditedForFiveMinutesByItsAuthorOnly() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let author = try await talk.reader("Ala")
            let other = try await talk.reader("Bob")
            let comment = try #require(try await talk.post("Teh envoy said so.", by: author).comment)
            let edited = try await store.commentActions.edit(
                comment.id, by: author, body: "The envoy said so.", policy: .defaults,
                now: talk.now.addingTimeInterval(299))
            #expect(edited.bodyHTML == "<p>The envoy said so.</p>")
            #expect(edited.editedAt == talk.now.addingTimeInterval(299))
            await #expect(throws: ActionError.self) {
                try await store.commentActions.edit(
                    comment.id, by: author, body: "Too late now.", policy: .defaults,
                    now: talk.now.addingTimeInterval(300))
            }
            await #expect(throws: ActionError.notAllowed("Only the person who wrote a comment can change it.")) {
                try await store.commentActions.edit(
                    comment.id, by: other, body: "Not mine.", policy: .defaults, now: talk.now.addingTimeInterval(10))
            }
            #expect(try await store.comments.find(comment.id)?.body == "The envoy said so.")
            let events = try await store.events.all(about: comment.id).map(\.name)
            #expect(events.contains(.commentEdited))
        }
    }

    @Test func anEditIntoABannedWordIsRefusedAndTheCommentStaysAsItWas() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let author = try await talk.reader()
            let comment = try #require(try await talk.post("A fair point.", by: author).comment)
            await #expect(throws: ActionError.self) {
                try await store.commentActions.edit(
                    comment.id, by: author, body: "A fair scam.", policy: ModerationPolicy(bannedWords: ["scam"]),
                    now: talk.now.addingTimeInterval(30))
            }
            #expect(try await store.comments.find(comment.id)?.body == "A fair point.")
        }
    }

    @Test func deletingKeepsThePlaceInTheThreadButNotTheText() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let author = try await talk.reader()
            let comment = try #require(try await talk.post("Something I regret.", by: author).comment)
            try await store.commentActions.delete(comment.id, by: author, now: talk.now)
            let stored = try #require(try await store.comments.find(comment.id))
            #expect(stored.isDeleted)
            #expect(stored.body.isEmpty)
            #expect(try await store.articles.find(slug: talk.article.slug)?.commentCount == 0)
        }
    }

    @Test func oneLikePerReaderAndLikingAgainTakesItBack() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let author = try await talk.reader("Ala")
            let fan = try await talk.reader("Bob")
            let other = try await talk.reader("Cyd")
            let comment = try #require(try await talk.post("Worth liking.", by: author).comment)
            #expect(try await store.commentActions.toggleLike(comment.id, by: fan, now: talk.now))
            #expect(try await store.commentActions.toggleLike(comment.id, by: other, now: talk.now))
            #expect(try await store.comments.find(comment.id)?.likeCount == 2)
            #expect(!(try await store.commentActions.toggleLike(comment.id, by: fan, now: talk.now)))
            #expect(try await store.comments.find(comment.id)?.likeCount == 1)
            #expect(try await store.comments.liked(by: other.id, among: [comment.id]) == [comment.id])
            #expect(try await store.comments.liked(by: fan.id, among: [comment.id]).isEmpty)
        }
    }

    @Test func reportsFillTheReportedQueueUntilAModeratorDecides() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let author = try await talk.reader()
            let comment = try #require(try await talk.post("Provocative words.", by: author).comment)
            let report = CommentReport(reason: .abuse, note: "Insults another reader.")
            #expect(
                try await store.commentActions.report(
                    comment.id, report: report, by: nil, addressHash: "x", now: talk.now) == .reported)
            let reported = try await store.moderation.queue(.reported)
            #expect(reported.map(\.comment.id) == [comment.id])
            #expect(reported.first?.reports == [report])
            let moderator = try await talk.moderator()
            _ = try await store.moderationActions.decide(
                .approve, on: [comment.id], note: "", by: moderator, now: talk.now)
            #expect(try await store.moderation.queue(.reported).isEmpty)
            // Reporting it again opens a new report; saying so twice adds nothing.
            for _ in 0..<2 {
                _ = try await store.commentActions.report(
                    comment.id, report: report, by: nil, addressHash: "x", now: talk.now)
            }
            #expect(try await store.comments.find(comment.id)?.reportCount == 1)
            func another(_ index: Int) async throws -> UUID {
                let id = UUID()
                try await store.commentActions.add(
                    MastheadCore.Comment(
                        id: id, articleID: talk.article.id, displayName: "R", body: "Comment \(index)",
                        status: .published, createdAt: talk.now))
                return id
            }
            // Ten reports from one address in ten minutes, then a wait.
            for index in 0..<8 {
                #expect(
                    try await store.commentActions.report(
                        try await another(index), report: report, by: nil, addressHash: "x", now: talk.now)
                        == .reported)
            }
            #expect(
                try await store.commentActions.report(
                    try await another(9), report: report, by: nil, addressHash: "x", now: talk.now)
                    == .rateLimited(retryAfter: 600))
        }
    }

    @Test func eachQueueHoldsWhatItNamesAndModeratorDecisionsAreLogged() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let moderator = try await talk.moderator()
            let held = try #require(try await talk.post("A guest's view.", by: nil).comment)
            let regular = try await talk.reader()
            let rejected = try #require(
                try await talk.post("A scam.", by: regular, policy: ModerationPolicy(bannedWords: ["scam"])).comment)
            #expect(try await store.moderation.queue(.pending).map(\.comment.id) == [held.id])
            #expect(try await store.moderation.queue(.rejected).map(\.comment.id) == [rejected.id])
            #expect(try await store.moderation.counts() == [.pending: 1, .reported: 0, .rejected: 1])
            let decided = try await store.moderationActions.decide(
                .feature, on: [held.id], note: "Good point", by: moderator, now: talk.now)
            #expect(decided.first?.status == .published)
            #expect(try await store.comments.picks(onArticle: talk.article.id).map(\.id) == [held.id])
            #expect(try await store.moderation.queue(.pending).isEmpty)
            let log = try await store.moderation.log()
            #expect(log.map(\.action) == ["feature"])
            #expect(log.first?.note == "Good point")
            #expect(log.first?.commentID == held.id)
        }
    }
}
