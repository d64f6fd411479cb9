import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@Suite struct CommentPostingTests {
    static let article = ReferencePageTests.mainArticle
    static let action = article + "/comments"

    /// The CSRF cookie and token a browser holds once it has opened a page with a per-reader form (the
    /// sign-in page): what a client that sends no `Origin` or `Sec-Fetch-Site` must repeat. The article
    /// page every anonymous reader shares carries none (``PageCacheTests``).
    static func openForm(_ client: any TestClientProtocol) async throws -> (cookie: String, token: String) {
        let page = try await client.execute(uri: "/account/sign-in", method: .get)
        let cookie = try #require(page.cookie(named: "masthead_csrf"))
        let token = try #require(PageText.csrfField(page.text))
        return (cookie, token)
    }

    static func post(
        _ client: any TestClientProtocol, name: String, body: String, token: String?, cookie: String?,
        extraHeaders: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extraHeaders
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let cookie { headers[.cookie] = "masthead_csrf=\(cookie)" }
        var fields = [("display_name", name), ("body", body)]
        if let token { fields.append(("csrf_token", token)) }
        return try await client.execute(
            uri: action, method: .post, headers: headers, body: ByteBuffer(string: formBody(fields)))
    }

    /// Posts as a signed-in reader (``TestReaders``), optionally as a reply.
    static func post(
        _ client: any TestClientProtocol, as browser: TestReaders.Browser, body: String, parent: UUID? = nil
    ) async throws -> TestResponse {
        var fields = [("body", body), ("csrf_token", browser.token)]
        if let parent { fields.append(("parent_id", parent.uuidString.lowercased())) }
        return try await client.execute(
            uri: action, method: .post, headers: browser.headers, body: ByteBuffer(string: formBody(fields)))
    }

    /// Publishes every held comment, as a moderator would.
    static func approveAll(_ store: Store) async throws {
        var found = try await store.accounts.find(email: "approver@example.com")
        if found == nil {
            found = try await store.accountActions(passwordCost: 4).create(
                email: "approver@example.com", name: "Approver", role: .moderator,
                password: "a long moderator password",
                by: nil, now: TestSite.referenceNow)
        }
        let moderator = try #require(found)
        let held = try await store.moderation.queue(.pending).map(\.comment.id)
        guard !held.isEmpty else { return }
        _ = try await store.moderationActions.decide(
            .approve, on: held, note: "", by: moderator, now: TestSite.referenceNow)
    }

    static func storedComments(_ store: Store) async throws -> [MastheadCore.Comment] {
        let article = try #require(
            try await store.articles.visible(
                slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!, now: TestSite.referenceNow))
        return try await store.comments.all(onArticle: article.id)
    }

    @Test func aKnownReadersCommentAppearsAtOnceAndTheCountReadsOne() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let browser = try await TestReaders.signedIn(client, store)
            let posted = try await Self.post(client, as: browser, body: "Good piece.\n\nSee https://example.com.")
            #expect(posted.status == .seeOther)
            let stored = try await Self.storedComments(store)
            #expect(stored.count == 1)
            let location = try #require(posted.headers[.location])
            #expect(location == Self.article + "#comment-\(stored[0].id.uuidString.lowercased())")

            let html = try await client.execute(uri: Self.article, method: .get).text
            #expect(!html.contains("Leave the first comment"))
            #expect(html.contains("<p class=\"conversation__count\">1 comment</p>"))
            #expect(html.contains("id=\"comment-\(stored[0].id.uuidString.lowercased())\""))
            #expect(html.contains("<span class=\"comment__author\">Ola</span>"))
            #expect(html.contains("<p>Good piece.</p>"))
            #expect(
                html.contains(
                    "<a href=\"https://example.com\" rel=\"nofollow ugc noopener\">https://example.com</a>."))
        }
    }

    @Test func aGuestsCommentWaitsForAModeratorAndSaysWhy() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let (cookie, token) = try await Self.openForm(client)
            let posted = try await Self.post(client, name: "Guest", body: "Passing by.", token: token, cookie: cookie)
            #expect(posted.headers[.location] == Self.article + "?comment=held&reason=guest#comments")
            let page = try await client.execute(uri: try #require(posted.headers[.location]), method: .get).text
            #expect(page.contains("Your comment is waiting for a moderator because you posted without signing in."))
            #expect(!page.contains("Passing by."))
            #expect(try await Self.storedComments(store).map(\.status) == [.pending])
        }
    }

    @Test func markupInACommentOrNameShowsAsText() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let (cookie, token) = try await Self.openForm(client)
            let script = "<script>alert(1)</script>"
            let posted = try await Self.post(client, name: script, body: script, token: token, cookie: cookie)
            #expect(posted.status == .seeOther)
            try await Self.approveAll(store)
            let html = try await client.execute(uri: Self.article, method: .get).text
            #expect(!html.contains(script))
            #expect(html.contains("<span class=\"comment__author\">&lt;script&gt;alert(1)&lt;/script&gt;</span>"))
            #expect(html.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
        }
    }

    @Test func invisibleCharactersAreDroppedSoEveryDatabaseCanStoreTheComment() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let (cookie, token) = try await Self.openForm(client)
            let posted = try await Self.post(
                client, name: "Ola\u{202E}", body: "nul\u{0}here", token: token, cookie: cookie)
            #expect(posted.status == .seeOther)
            let stored = try await Self.storedComments(store)
            #expect(stored.map(\.body) == ["nulhere"])
            #expect(stored.map(\.displayName) == ["Ola"])
        }
    }

    @Test func aPostWithoutAValidTokenIsRefusedAndStoresNothing() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let (cookie, token) = try await Self.openForm(client)
            let attempts: [(String?, String?)] = [
                (nil, nil), (nil, cookie), (token, nil), (String(repeating: "0", count: 64), cookie), ("", cookie),
            ]
            for (submitted, sentCookie) in attempts {
                let refused = try await Self.post(
                    client, name: "Mallory", body: "Forged comment", token: submitted, cookie: sentCookie)
                #expect(refused.status == .forbidden)
                #expect(refused.text.contains("Forged comment"))
                #expect(refused.text.contains("page had expired"))
            }
            #expect(try await Self.storedComments(store).isEmpty)
        }
    }

    @Test func emptyAndTooLongCommentsComeBackWithTheTextKept() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let (cookie, token) = try await Self.openForm(client)
            let empty = try await Self.post(client, name: "Ola", body: "   ", token: token, cookie: cookie)
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("Your comment is empty"))
            #expect(empty.text.contains("value=\"Ola\""))

            let long = String(repeating: "Long & loud. ", count: 400)
            let tooLong = try await Self.post(client, name: "Ola", body: long, token: token, cookie: cookie)
            #expect(tooLong.status == .unprocessableContent)
            #expect(tooLong.text.contains("please shorten it to 5000 or fewer"))
            #expect(tooLong.text.contains(String(repeating: "Long &amp; loud. ", count: 400)))
            #expect(tooLong.text.contains("Leave the first comment"))
            #expect(try await Self.storedComments(store).isEmpty)
        }
    }

    @Test func aFloodOfCommentsIsSlowedDownWithTheTextKept() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let (cookie, token) = try await Self.openForm(client)
            // Twenty from one address in ten minutes (ModerationPolicy), counted in the database.
            for index in 1...20 {
                let posted = try await Self.post(
                    client, name: "Ola", body: "Comment \(index)", token: token, cookie: cookie)
                #expect(posted.status == .seeOther)
            }
            let slowed = try await Self.post(client, name: "Ola", body: "Comment six", token: token, cookie: cookie)
            #expect(slowed.status == .tooManyRequests)
            #expect(slowed.headers[.retryAfter] == "600")
            #expect(slowed.text.contains("Comment six"))
            #expect(try await Self.storedComments(store).count == 20)
        }
    }

    @Test func brokenOversizedAndCrossSitePostsAreRefused() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let (cookie, token) = try await Self.openForm(client)
            let headers: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .cookie: "masthead_csrf=\(cookie)",
            ]

            let garbled = try await client.execute(
                uri: Self.action, method: .post, headers: headers,
                body: ByteBuffer(string: "body=%E2%28%A1&csrf_token=%zz"))
            #expect(garbled.status == .badRequest)
            #expect(garbled.text.contains("garbled"))

            let huge = try await client.execute(
                uri: Self.action, method: .post, headers: headers,
                body: ByteBuffer(
                    string: formBody([("csrf_token", token), ("body", String(repeating: "x", count: 70_000))])))
            #expect(huge.status == .contentTooLarge)
            #expect(huge.text.contains("too large to accept"))

            var crossSite = HTTPFields()
            crossSite[.secFetchSiteForTests] = "cross-site"
            let forged = try await Self.post(
                client, name: "Mallory", body: "From elsewhere", token: token, cookie: cookie, extraHeaders: crossSite)
            #expect(forged.status == .forbidden)

            let missing = try await client.execute(
                uri: "/articles/no-such-story/comments", method: .post, headers: headers,
                body: ByteBuffer(string: formBody([("csrf_token", token), ("display_name", "A"), ("body", "B")])))
            #expect(missing.status == .notFound)
            #expect(try await Self.storedComments(store).isEmpty)
        }
    }
}

extension HTTPField.Name {
    static let secFetchSiteForTests = Self("Sec-Fetch-Site")!
}
