import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// A story's conversation open, closed, closing by itself, or pre-moderated, as readers meet it and
/// as the newsroom sets it.
@Suite struct ConversationSettingsPageTests {
    typealias Posting = CommentPostingTests

    static func setConversation(_ settings: ConversationSettings) -> @Sendable (Store) async throws -> Void {
        { store in
            try await NewsroomClient.seedAccounts(store)
            let editor = try #require(try await store.accounts.find(email: "editor@example.com"))
            let main = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            _ = try await store.articleActions.setConversation(
                main.id, settings, by: editor, now: TestSite.referenceNow)
        }
    }

    @Test func aClosedStoryRefusesAPostAndKeepsTheReadersText() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: Self.setConversation(.init(mode: .closed))) {
            client, store in
            let page = try await client.execute(uri: Posting.article, method: .get)
            #expect(page.text.contains("Comments on this story are closed."))
            #expect(!page.text.contains("<textarea"))
            let (cookie, token) = try await Posting.openForm(client)
            let refused = try await Posting.post(
                client, name: "Ola", body: "Too late, but still.", token: token, cookie: cookie)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("Comments on this story are closed, so yours was not posted."))
            #expect(refused.text.contains("Too late, but still.</textarea>"))
            #expect(try await Posting.storedComments(store).isEmpty)
        }
    }

    @Test func aTimedConversationClosesTheSitesNumberOfDaysAfterPublication() async throws {
        let published = TestSite.referenceNow.addingTimeInterval(-20 * 60)
        for (days, open) in [(13, true), (14, false)] {
            let now = published.addingTimeInterval(TimeInterval(days) * 86_400 + 60)
            try await TestSite.run(clock: .fixed(now), seed: TestSite.seedReference) { client, store in
                let page = try await client.execute(uri: Posting.article, method: .get)
                #expect(page.text.contains("<textarea") == open, "day \(days)")
                let (cookie, token) = try await Posting.openForm(client)
                let response = try await Posting.post(
                    client, name: "Ola", body: "Day \(days).", token: token, cookie: cookie)
                #expect(response.status == (open ? .seeOther : .forbidden), "day \(days)")
                #expect(try await Posting.storedComments(store).count == (open ? 1 : 0))
            }
        }
    }

    @Test func aPreModeratedStoryHoldsTheCommentAndSaysSo() async throws {
        try await TestSite.run(
            config: NewsroomClient.config, seed: Self.setConversation(.init(mode: .open, preModerated: true))
        ) { client, store in
            let (cookie, token) = try await Posting.openForm(client)
            let posted = try await Posting.post(
                client, name: "Ola", body: "Held for now.", token: token, cookie: cookie)
            #expect(posted.status == .seeOther)
            #expect(posted.headers[.location] == Posting.article + "?comment=held&reason=guest#comments")
            let stored = try await Posting.storedComments(store)
            #expect(stored.map(\.status) == [.pending])
            let page = try await client.execute(uri: try #require(posted.headers[.location]), method: .get).text
            #expect(page.contains("Your comment is waiting for a moderator"))
            #expect(!page.contains("Held for now."))
            #expect(page.contains("Leave the first comment"))

            // A moderator finds it in the queue and publishes it.
            var moderator = NewsroomClient(client)
            try await moderator.signIn(as: .moderator)
            let queue = try await moderator.get(NewsroomRoute.moderationQueue.path).text
            #expect(queue.contains("<p>Held for now.</p>"))
            let approved = try await moderator.post(
                NewsroomRoute.moderateComments.path, [("single", "approve:\(stored[0].id.uuidString.lowercased())")])
            #expect(approved.status == .seeOther)
            #expect(try await moderator.get(NewsroomRoute.moderationQueue.path).text.contains("Nothing in Pending."))
            #expect(try await client.execute(uri: Posting.article, method: .get).text.contains("<p>Held for now.</p>"))

            var author = NewsroomClient(client)
            try await author.signIn(as: .author)
            #expect(try await author.get(NewsroomRoute.moderationQueue.path).status == .forbidden)
        }
    }

    @Test func moderatorsSetAStorysConversationAndAuthorsCannot() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            let main = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            var moderator = NewsroomClient(client)
            try await moderator.signIn(as: .moderator)
            let saved = try await moderator.post(
                NewsroomRoute.articleConversation(main.id).path, [("comments_mode", "closed"), ("premoderated", "1")])
            #expect(saved.status == .seeOther)
            #expect(
                try await store.articles.find(id: main.id)?.conversation == .init(mode: .closed, preModerated: true))

            var author = NewsroomClient(client)
            try await author.signIn(as: .author)
            let refused = try await author.post(
                NewsroomRoute.articleConversation(main.id).path, [("comments_mode", "open")])
            #expect(refused.status == .forbidden)
            let bad = try await moderator.post(
                NewsroomRoute.articleConversation(main.id).path, [("comments_mode", "ajar")])
            #expect(bad.status == .unprocessableContent)
            #expect(try await store.articles.find(id: main.id)?.conversation.mode == .closed)
        }
    }

    @Test func theSiteSetsHowManyDaysATimedConversationStaysOpen() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var admin = NewsroomClient(client)
            try await admin.signIn(as: .admin)
            #expect(try await admin.get(NewsroomRoute.settings.path).text.contains("value=\"14\""))
            let fields: [(String, String)] = [
                ("name", "The Daily Masthead"), ("base_url", "http://127.0.0.1:8080"), ("time_zone", "Europe/Warsaw"),
                ("language", "en"),
            ]
            let saved = try await admin.post(NewsroomRoute.settings.path, fields + [("comments_close_after_days", "7")])
            #expect(saved.status == .seeOther)
            #expect(try await store.siteSettings.load()?.commentsCloseAfterDays == 7)
            let bad = try await admin.post(
                NewsroomRoute.settings.path, fields + [("comments_close_after_days", "many")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Comments close after a number of days from 0 to 3650."))
            #expect(bad.text.contains("value=\"many\""))
        }
    }
}
