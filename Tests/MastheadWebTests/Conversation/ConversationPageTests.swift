import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// The conversation on the article page, through its forms: replies, the thread page, editing,
/// deleting, liking, reporting, orders and pages.
@Suite struct ConversationPageTests {
    typealias Posting = CommentPostingTests

    static func id(_ response: TestResponse) throws -> UUID {
        let location = try #require(response.headers[.location])
        return try #require(UUID(uuidString: String(location.split(separator: "#comment-").last ?? "")))
    }

    @Test func repliesNestTwoDeepAndTheRestContinueOnTheThreadsOwnPage() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let ala = try await TestReaders.signedIn(client, store, name: "Ala", email: "ala@example.com")
            let bob = try await TestReaders.signedIn(client, store, name: "Bob", email: "bob@example.com")
            var parent: UUID?
            var ids: [UUID] = []
            for level in 0..<4 {
                let posted = try await Posting.post(
                    client, as: level % 2 == 0 ? ala : bob, body: "Level \(level) says something new.", parent: parent)
                #expect(posted.status == .seeOther)
                let id = try Self.id(posted)
                ids.append(id)
                parent = id
            }
            let page = try await client.execute(uri: Posting.article, method: .get, headers: [.cookie: ala.cookies])
                .text
            #expect(page.contains("Level 2 says something new."))
            #expect(!page.contains("Level 3 says something new."))
            let continueLink =
                "/articles/us-envoy-says-ukraine-nato-membership-still-possible/comments/\(ids[2].uuidString.lowercased())"
            #expect(page.contains("<a href=\"\(continueLink)\">Continue this thread</a>"))
            #expect(page.contains("comment--depth-2"))
            let thread = try await client.execute(uri: continueLink, method: .get).text
            #expect(thread.contains("Level 3 says something new."))
            #expect(!thread.contains("Level 0 says something new."))
        }
    }

    @Test func aReaderEditsAndDeletesTheirOwnCommentOnly() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let ala = try await TestReaders.signedIn(client, store, name: "Ala", email: "ala@example.com")
            let bob = try await TestReaders.signedIn(client, store, name: "Bob", email: "bob@example.com")
            let id = try Self.id(try await Posting.post(client, as: ala, body: "Teh first draft."))
            let editPath =
                "/articles/us-envoy-says-ukraine-nato-membership-still-possible/comments/\(id.uuidString.lowercased())/edit"
            let mine = try await client.execute(uri: Posting.article, method: .get, headers: [.cookie: ala.cookies])
                .text
            #expect(mine.contains("href=\"\(editPath)\""))
            let theirs = try await client.execute(uri: Posting.article, method: .get, headers: [.cookie: bob.cookies])
                .text
            #expect(!theirs.contains("href=\"\(editPath)\""))
            #expect(
                try await client.execute(uri: editPath, method: .get, headers: [.cookie: bob.cookies]).status
                    == .notFound)

            let edited = try await client.execute(
                uri: editPath, method: .post, headers: ala.headers,
                body: ByteBuffer(string: formBody([("csrf_token", ala.token), ("body", "The first draft.")])))
            #expect(edited.status == .seeOther)
            let page = try await client.execute(uri: Posting.article, method: .get).text
            #expect(page.contains("<p>The first draft.</p>"))
            #expect(page.contains("<span class=\"comment__edited\">edited</span>"))

            let deletePath = editPath.replacingOccurrences(of: "/edit", with: "/delete")
            let refused = try await client.execute(
                uri: deletePath, method: .post, headers: bob.headers,
                body: ByteBuffer(string: formBody([("csrf_token", bob.token)])))
            #expect(refused.status == .forbidden)
            let deleted = try await client.execute(
                uri: deletePath, method: .post, headers: ala.headers,
                body: ByteBuffer(string: formBody([("csrf_token", ala.token)])))
            #expect(deleted.status == .seeOther)
            #expect(!(try await client.execute(uri: Posting.article, method: .get).text.contains("The first draft.")))
            // No state change on GET: the delete address only answers POST.
            #expect(try await client.execute(uri: deletePath, method: .get).status == .methodNotAllowed)
        }
    }

    @Test func oneLikePerReaderShownOnTheButtonAndTheCount() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let ala = try await TestReaders.signedIn(client, store, name: "Ala", email: "ala@example.com")
            let bob = try await TestReaders.signedIn(client, store, name: "Bob", email: "bob@example.com")
            let id = try Self.id(try await Posting.post(client, as: ala, body: "Worth a like."))
            let likePath =
                "/articles/us-envoy-says-ukraine-nato-membership-still-possible/comments/\(id.uuidString.lowercased())/like"
            func like(_ browser: TestReaders.Browser) async throws -> HTTPResponse.Status {
                try await client.execute(
                    uri: likePath, method: .post, headers: browser.headers,
                    body: ByteBuffer(string: formBody([("csrf_token", browser.token)]))
                ).status
            }
            #expect(try await like(bob) == .seeOther)
            let liked = try await client.execute(uri: Posting.article, method: .get, headers: [.cookie: bob.cookies])
                .text
            #expect(liked.contains("aria-pressed=\"true\">Liked</button> <span class=\"comment__likes\">1 like</span>"))
            #expect(try await like(ala) == .forbidden)
            #expect(try await like(bob) == .seeOther)
            #expect(try await store.comments.find(id)?.likeCount == 0)
        }
    }

    @Test func aReportReachesTheReportedQueueWithItsReason() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            let ala = try await TestReaders.signedIn(client, store, name: "Ala", email: "ala@example.com")
            let id = try Self.id(try await Posting.post(client, as: ala, body: "A provocative remark."))
            let reportPath =
                "/articles/us-envoy-says-ukraine-nato-membership-still-possible/comments/\(id.uuidString.lowercased())/report"
            let (cookie, token) = try await ReaderAccountPagesTests.form(client, reportPath)
            let missing = try await ReaderAccountPagesTests.submit(
                client, reportPath, [("csrf_token", token), ("reason", "other")], cookies: "masthead_csrf=\(cookie)")
            #expect(missing.status == .unprocessableContent)
            let sent = try await ReaderAccountPagesTests.submit(
                client, reportPath, [("csrf_token", token), ("reason", "abuse"), ("note", "Insults a reader.")],
                cookies: "masthead_csrf=\(cookie)")
            #expect(sent.status == .seeOther)
            var moderator = NewsroomClient(client)
            try await moderator.signIn(as: .moderator)
            let queue = try await moderator.get(NewsroomRoute.queue(.reported).path).text
            #expect(queue.contains("A provocative remark."))
            #expect(queue.contains("Abusive or hateful: Insults a reader."))
        }
    }

    @Test func ordersAndPagesWalkALongConversation() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let article = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            for index in 0..<60 {
                try await store.commentActions.add(
                    MastheadCore.Comment(
                        id: UUID(), articleID: article.id, displayName: "Reader \(index)",
                        body: "Comment number \(index).", status: .published, likeCount: index == 7 ? 9 : 0,
                        createdAt: TestSite.referenceNow.addingTimeInterval(TimeInterval(index - 100))))
            }
            let first = try await client.execute(uri: Posting.article, method: .get).text
            #expect(first.contains("<p class=\"conversation__count\">60 comments</p>"))
            #expect(first.contains("Comment number 0."))
            #expect(!first.contains("Comment number 55."))
            let more = try #require(PageText.captures(first, "<a href=\"([^\"]+)\">More comments</a>").first)
            let second = try await client.execute(uri: more.replacingOccurrences(of: "&amp;", with: "&"), method: .get)
                .text
            #expect(second.contains("Comment number 55."))
            #expect(!second.contains("Comment number 0."))
            let liked = try await client.execute(uri: Posting.article + "?sort=liked", method: .get).text
            let seven = try #require(liked.range(of: "Comment number 7."))
            let newestComment = try #require(liked.range(of: "Comment number 59."))
            #expect(seven.lowerBound < newestComment.lowerBound)
            let newest = try await client.execute(uri: Posting.article + "?sort=newest", method: .get).text
            #expect(newest.contains("Comment number 59."))
            #expect(!newest.contains("Comment number 0."))
            // A cursor that was tampered with reads as the first page.
            let tampered = try await client.execute(uri: Posting.article + "?after=garbage", method: .get)
            #expect(tampered.status == .ok)
        }
    }

    @Test func commentCountsShowOnStoryListsAndReadNext() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let browser = try await TestReaders.signedIn(client, store)
            _ = try await Posting.post(client, as: browser, body: "Counted once.")
            let home = try await client.execute(uri: "/", method: .get).text
            #expect(home.contains("1 comment"))
        }
    }
}

@Suite struct CommentAPITests {
    @Test func theContentAPIPagesTheConversationWithRepliesAfterTheirComment() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let article = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            var first: UUID?
            for index in 0..<55 {
                let id = UUID()
                if index == 0 { first = id }
                try await store.commentActions.add(
                    MastheadCore.Comment(
                        id: id, articleID: article.id, displayName: "R\(index)", body: "Comment \(index)",
                        status: .published, createdAt: TestSite.referenceNow.addingTimeInterval(TimeInterval(index))))
            }
            let parent = try #require(first)
            try await store.commentActions.add(
                MastheadCore.Comment(
                    id: UUID(), articleID: article.id, parentID: parent, threadID: parent, depth: 1,
                    displayName: "Replier",
                    body: "A reply", status: .published, createdAt: TestSite.referenceNow.addingTimeInterval(100)))
            let path = "/api/v1/articles/us-envoy-says-ukraine-nato-membership-still-possible/comments"
            let page = try APITests.json(try await client.execute(uri: path, method: .get))
            let comments = try #require(page["comments"] as? [[String: Any]])
            #expect(comments.count == 51)
            #expect(comments[1]["parentID"] as? String == parent.uuidString.lowercased())
            let next = try #require(page["next"] as? String)
            let second = try APITests.json(try await client.execute(uri: path + "?after=" + next, method: .get))
            #expect((second["comments"] as? [[String: Any]])?.count == 5)
            #expect(second["next"] is NSNull || second["next"] == nil)
            let bad = try await client.execute(uri: path + "?after=nonsense", method: .get)
            #expect(bad.status == .badRequest)
        }
    }
}
