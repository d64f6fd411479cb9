import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// The newsroom's moderation screen: queues, single and bulk decisions, picks, bans, the audit log,
/// the comment rules, and the outbox.
@Suite struct ModerationScreenTests {
    typealias Posting = CommentPostingTests

    static func guestComments(_ client: any TestClientProtocol, _ bodies: [String]) async throws {
        let (cookie, token) = try await Posting.openForm(client)
        for body in bodies {
            _ = try await Posting.post(client, name: "Guest", body: body, token: token, cookie: cookie)
        }
    }

    @Test func bulkApprovalFeaturingAndTheLog() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            try await Self.guestComments(client, ["First guest view.", "Second guest view.", "Third guest view."])
            let held = try await store.moderation.queue(.pending).map(\.comment.id)
            #expect(held.count == 3)
            var moderator = NewsroomClient(client)
            try await moderator.signIn(as: .moderator)
            let screen = try await moderator.get(NewsroomRoute.moderationQueue.path).text
            #expect(screen.contains("Pending (3)"))
            #expect(screen.contains("Stopped by: guest"))
            let bulk = try await moderator.post(
                NewsroomRoute.moderateComments.path,
                [("decision", "approve"), ("note", "Fine")]
                    + held.prefix(2).map { ("ids", $0.uuidString.lowercased()) })
            #expect(bulk.status == .seeOther)
            let featured = try await moderator.post(
                NewsroomRoute.moderateComments.path, [("single", "feature:\(held[2].uuidString.lowercased())")])
            #expect(featured.status == .seeOther)
            let page = try await client.execute(uri: Posting.article, method: .get).text
            #expect(page.contains("Editor’s picks"))
            #expect(page.contains("<p class=\"conversation__count\">3 comments</p>"))
            let nothing = try await moderator.post(NewsroomRoute.moderateComments.path, [("decision", "approve")])
            #expect(nothing.status == .unprocessableContent)
            let log = try await moderator.get(NewsroomRoute.moderationLog.path).text
            #expect(log.contains("feature"))
            #expect(log.components(separatedBy: "<td>approve").count == 3)
            #expect(log.contains("Moderator"))

            var author = NewsroomClient(client)
            try await author.signIn(as: .author)
            let refused = try await author.post(
                NewsroomRoute.moderateComments.path, [("single", "reject:\(held[0].uuidString.lowercased())")])
            #expect(refused.status == .forbidden)
        }
    }

    @Test func aBannedReaderIsRefusedWithTheReasonAndTheirTextKept() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            let browser = try await TestReaders.signedIn(client, store)
            var moderator = NewsroomClient(client)
            try await moderator.signIn(as: .moderator)
            let path = NewsroomRoute.banCommenter(browser.reader.id).path
            let noReason = try await moderator.post(path, [("days", "7")])
            #expect(noReason.status == .unprocessableContent)
            #expect(
                try await moderator.post(path, [("days", "7"), ("reason", "Personal attacks.")]).status == .seeOther)
            let refused = try await Posting.post(client, as: browser, body: "Let me speak.")
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("barred you from commenting until"))
            #expect(refused.text.contains("Personal attacks."))
            #expect(refused.text.contains("Let me speak.</textarea>"))
            let commenterPage = try await moderator.get(NewsroomRoute.commenter(browser.reader.id).path).text
            #expect(commenterPage.contains("Banned until"))
            #expect(try await moderator.post(path, [("lift", "1")]).status == .seeOther)
            #expect(try await Posting.post(client, as: browser, body: "Thank you.").status == .seeOther)
        }
    }

    @Test func aRowsBanRejectsTheCommentAndBarsItsAuthorForAWeek() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            let browser = try await TestReaders.signedIn(client, store, approved: 0)
            let held = try await Posting.post(client, as: browser, body: "My first, rude comment.")
            #expect(held.headers[.location]?.contains("reason=firstComments") == true)
            let id = try #require(try await store.moderation.queue(.pending).first?.comment.id)
            var moderator = NewsroomClient(client)
            try await moderator.signIn(as: .moderator)
            let screen = try await moderator.get(NewsroomRoute.moderationQueue.path).text
            #expect(screen.contains("Reject and ban for a week"))
            #expect(screen.contains("of 1000 streams"))
            let banned = try await moderator.post(
                NewsroomRoute.moderateComments.path,
                [("single", "ban:\(id.uuidString.lowercased())"), ("note", "Insults.")])
            #expect(banned.status == .seeOther)
            let commenter = try #require(try await store.commenters.find(browser.reader.id))
            #expect(commenter.bannedUntil == TestSite.referenceNow.addingTimeInterval(7 * 86_400))
            #expect(try await store.comments.find(id)?.status == .rejected)
            // The author sees their own rejected comment, marked, with the reason.
            let page = try await client.execute(uri: Posting.article, method: .get, headers: [.cookie: browser.cookies])
            #expect(page.text.contains("Your comments not shown to others"))
            #expect(page.text.contains("a moderator decided it breaks this site"))
            #expect(page.text.contains("My first, rude comment."))
            #expect(!(try await client.execute(uri: Posting.article, method: .get).text.contains("My first, rude")))
        }
    }

    @Test func staffAndTheStorysAuthorsCarryABadge() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            // Reader accounts on the newsroom's addresses: the story's author and an editor.
            let author = try await TestReaders.signedIn(client, store, name: "Anna", email: "author@example.com")
            let editor = try await TestReaders.signedIn(client, store, name: "Ed", email: "editor@example.com")
            let reader = try await TestReaders.signedIn(client, store, name: "Ola", email: "ola@example.com")
            for (browser, text) in [
                (author, "From the author."), (editor, "From the desk."), (reader, "From a reader."),
            ] {
                #expect(try await Posting.post(client, as: browser, body: text).status == .seeOther)
            }
            let comments = try await Posting.storedComments(store)
            #expect(comments.first { $0.body == "From the author." }?.badge == .author)
            #expect(comments.first { $0.body == "From the desk." }?.badge == .staff)
            #expect(comments.first { $0.body == "From a reader." }?.badge == nil)
            let page = try await client.execute(uri: Posting.article, method: .get).text
            #expect(page.contains("<span class=\"comment__badge\">Author</span>"))
            #expect(page.contains("<span class=\"comment__badge\">Staff</span>"))
        }
    }

    @Test func commentRulesHoldSuspectWordsAndCanTurnGuestsAway() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var admin = NewsroomClient(client)
            try await admin.signIn(as: .admin)
            let saved = try await admin.post(
                NewsroomRoute.commentSettings.path,
                [
                    ("first_held", "1"), ("links_held_until", "3"), ("max_length", "2000"),
                    ("suspect_words", "crypto\nget rich"), ("banned_words", ""),
                ])
            #expect(saved.status == .seeOther)
            #expect(try await store.siteSettings.load()?.comments.allowGuests == false)
            let browser = try await TestReaders.signedIn(client, store)
            let held = try await Posting.post(client, as: browser, body: "How to GET   rich fast")
            #expect(held.headers[.location]?.contains("comment=held&reason=suspectWord") == true)
            let page = try await client.execute(uri: Posting.article, method: .get)
            #expect(page.text.contains("to comment."))
            let (cookie, token) = try await Posting.openForm(client)
            let guest = try await Posting.post(client, name: "Guest", body: "Hello", token: token, cookie: cookie)
            #expect(guest.status == .forbidden)
            #expect(guest.text.contains("Please sign in or create an account to comment."))
            let long = try await Posting.post(client, as: browser, body: String(repeating: "word ", count: 500))
            #expect(long.status == .unprocessableContent)
            #expect(long.text.contains("this site takes up to 2000"))
            let bad = try await admin.post(NewsroomRoute.commentSettings.path, [("first_held", "lots")])
            #expect(bad.status == .unprocessableContent)
        }
    }

    @Test func theOutboxShowsMailToAdminsOnly() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            try await store.commenterAccountActions(passwordCost: 4).register(
                ReaderRegistration(displayName: "Ola", email: "ola@example.com", password: "a long enough password"),
                requester: "a reader", mailing: ReaderAccountPagesTests.mailing, now: TestSite.referenceNow)
            var admin = NewsroomClient(client)
            try await admin.signIn(as: .admin)
            let outbox = try await admin.get(NewsroomRoute.outbox.path).text
            #expect(outbox.contains("Confirm your email for The Daily"))
            #expect(outbox.contains("ola@example.com"))
            var moderator = NewsroomClient(client)
            try await moderator.signIn(as: .moderator)
            #expect(try await moderator.get(NewsroomRoute.outbox.path).status == .forbidden)
        }
    }
}
