import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import NIOCore
import Synchronization
import Testing

@testable import MastheadWeb

/// The page cache: what it shares, what it never shares, and that every kind of change shows at once.
@Suite struct PageCacheTests {
    static let article = ReferencePageTests.mainArticle

    static func seed(_ store: Store) async throws {
        try await NewsroomClient.seedAccounts(store)
    }

    static func editor(_ store: Store) async throws -> StaffAccount {
        try #require(try await store.accounts.find(email: "editor@example.com"))
    }

    /// The page cache's hit count, from `/metrics`.
    static func hits(_ client: any TestClientProtocol) async throws -> Int {
        let text = try await client.execute(uri: "/metrics", method: .get).text
        let line = try #require(
            text.split(separator: "\n").first { $0.hasPrefix(#"masthead_page_cache_requests_total{result="hit"}"#) })
        return try #require(Int(line.split(separator: " ").last ?? ""))
    }

    /// Fetches `path` twice, checking that the second answer came from the cache, and returns it.
    static func cached(_ client: any TestClientProtocol, _ path: String) async throws -> String {
        _ = try await client.execute(uri: path, method: .get)
        let before = try await hits(client)
        let page = try await client.execute(uri: path, method: .get)
        #expect(try await hits(client) == before + 1, "\(path) was not answered from the cache")
        return page.text
    }

    @Test func theAnonymousArticlePageIsSharedValidatedAndCompressed() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let page = try await client.execute(uri: Self.article, method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.setCookie] == nil)
            #expect(!page.text.contains("csrf_token"))
            #expect(page.text.contains("<textarea"))
            #expect(page.headers[.cacheControl] == "public, max-age=0, s-maxage=60, stale-while-revalidate=30")
            #expect(page.headers[.vary] == "Accept-Encoding")
            let keys = try #require(page.headers[HTTPField.Name("Surrogate-Key")!]).split(separator: " ")
            #expect(keys.contains("site") && keys.contains("lists"))
            #expect(keys.contains { $0.hasPrefix("article-") } && keys.contains { $0.hasPrefix("topic-") })
            #expect(page.headers[HTTPField.Name("Masthead-Cache-Until")!] == nil)
            let eTag = try #require(page.headers[.eTag])
            #expect(page.headers[.lastModified] != nil)

            let again = try await client.execute(uri: Self.article, method: .get, headers: [.ifNoneMatch: eTag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            let stale = try await client.execute(uri: Self.article, method: .get, headers: [.ifNoneMatch: "\"other\""])
            #expect(stale.status == .ok)

            let gzipped = try await client.execute(
                uri: Self.article, method: .get, headers: [.acceptEncoding: "br, gzip;q=0.8"])
            #expect(gzipped.headers[.contentEncoding] == "gzip")
            #expect(gzipped.headers[.eTag] != eTag)
            #expect(gzipped.body.readableBytes < page.body.readableBytes / 2)
            var compressed = gzipped.body
            let decompressed = try compressed.decompress(with: .gzip())
            #expect(String(buffer: decompressed) == page.text)
            let refused = try await client.execute(
                uri: Self.article, method: .get, headers: [.acceptEncoding: "gzip;q=0"])
            #expect(refused.headers[.contentEncoding] == nil)
        }
    }

    /// On a real socket a hit is answered in the channel pipeline: the router never sees it.
    @Test func onASocketAHitIsAnsweredBeforeTheRouter() async throws {
        try await TestSite.run(seed: TestSite.seedReference, setup: .live) { client, _ in
            let first = try await client.execute(uri: Self.article, method: .get)
            let second = try await client.execute(uri: Self.article, method: .get)
            #expect(second.status == .ok && second.text == first.text)
            #expect(second.headers[.eTag] == first.headers[.eTag])
            let eTag = try #require(first.headers[.eTag])
            let current = try await client.execute(uri: Self.article, method: .get, headers: [.ifNoneMatch: eTag])
            #expect(current.status == .notModified)
            let head = try await client.execute(uri: Self.article, method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(first.body.readableBytes))
            let metrics = try await client.execute(uri: "/metrics", method: .get).text
            #expect(metrics.contains(#"masthead_http_requests_total{route="/articles/{slug}",status="200"} 1"#))
            #expect(!metrics.contains(#"route="/articles/{slug}",status="304""#))
            #expect(try await Self.hits(client) == 3)
        }
    }

    @Test func aSharedLinksTrackingParametersHitThePlainPage() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let plain = try await Self.cached(client, Self.article)
            let before = try await Self.hits(client)
            let tagged = try await client.execute(
                uri: Self.article + "?utm_source=social&fbclid=IwAR0abc", method: .get)
            #expect(try await Self.hits(client) == before + 1)
            #expect(tagged.text == plain)
            // A name written with escapes is neither answered from nor kept in the cache.
            let escaped = try await client.execute(uri: "/?bef%6Fre=x", method: .get)
            #expect(escaped.status == .ok)
            #expect(try await Self.hits(client) == before + 1)
        }
    }

    @Test func aSignedInReaderNeitherGetsNorFillsTheSharedPage() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            _ = try await Self.cached(client, Self.article)
            let browser = try await TestReaders.signedIn(client, store, name: "Wanda Reader")
            let own = try await client.execute(uri: Self.article, method: .get, headers: [.cookie: browser.cookies])
            #expect(own.text.contains("Wanda Reader"))
            #expect(own.text.contains(browser.token))
            #expect(own.headers[.cacheControl] == "private, no-cache")
            #expect(own.headers[HTTPField.Name("Surrogate-Key")!] == nil)
            let shared = try await client.execute(uri: Self.article, method: .get)
            #expect(!shared.text.contains("Wanda Reader"))
            #expect(!shared.text.contains("csrf_token"))
        }
    }

    @Test func aFormOnTheSharedPageIsCheckedByItsOrigin() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let fields = ByteBuffer(string: formBody([("display_name", "Ola"), ("body", "Sent from the page.")]))
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let unproven = try await client.execute(
                uri: CommentPostingTests.action, method: .post, headers: headers, body: fields)
            #expect(unproven.status == .forbidden)
            #expect(unproven.text.contains("Sent from the page.</textarea>"))
            headers[HTTPField.Name("Sec-Fetch-Site")!] = "same-site"
            let sibling = try await client.execute(
                uri: CommentPostingTests.action, method: .post, headers: headers, body: fields)
            #expect(sibling.status == .forbidden)
            #expect(try await CommentPostingTests.storedComments(store).isEmpty)
            headers[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
            let fromPage = try await client.execute(
                uri: CommentPostingTests.action, method: .post, headers: headers, body: fields)
            #expect(fromPage.status == .seeOther)
            #expect(try await CommentPostingTests.storedComments(store).count == 1)
            // Its reply form, on the shared page, carries no token either.
            try await CommentPostingTests.approveAll(store)
            let page = try await client.execute(uri: Self.article, method: .get).text
            #expect(page.contains("comment-form--reply"))
            #expect(!page.contains("csrf_token"))
        }
    }

    /// Each kind of change, made through the write layer, and a page that shows it.
    enum Change: String, CaseIterable {
        case publish, edit, correction, comment, topicRename, settings
    }

    @Test(arguments: Change.allCases)
    func eachKindOfChangeShowsAtOnce(_ change: Change) async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: Self.seed) { client, store in
            let editor = try await Self.editor(store)
            let now = TestSite.referenceNow
            let main = try #require(
                try await store.articles.visible(slug: Slug(String(Self.article.dropFirst(10)))!, now: now))
            let (path, shown): (String, String)
            switch change {
            case .publish: (path, shown) = ("/", "/articles/breaking-cache-story\"")
            case .edit: (path, shown) = ("/", "A changed headline for the cache")
            case .correction: (path, shown) = (Self.article, "An earlier version misnamed the envoy.")
            case .comment: (path, shown) = (Self.article, "A comment the cache must show")
            case .topicRename: (path, shown) = (Self.article, "Tariff Wars")
            case .settings: (path, shown) = ("/", "The Cached Courier")
            }
            if change == .comment {
                // The approver's account first: creating it drops every page, which would hide whether
                // approving the comment drops the article's.
                try await CommentPostingTests.approveAll(store)
            }
            #expect(!(try await Self.cached(client, path)).contains(shown))
            switch change {
            case .publish:
                let story = try await SchedulingTests.article(store, slug: "breaking-cache-story")
                _ = try await store.articleActions.move(story.id, .publish, by: editor, now: now)
            case .edit:
                var content = main.content
                content.headline = "A changed headline for the cache"
                _ = try await store.articleActions.save(
                    main.id, content: content, basedOn: main.version, by: editor, now: now, event: .articleUpdated)
            case .correction:
                _ = try await store.articleActions.addCorrection(
                    main.id, text: "An earlier version misnamed the envoy.", by: editor, now: now)
            case .comment:
                let (cookie, token) = try await CommentPostingTests.openForm(client)
                _ = try await CommentPostingTests.post(
                    client, name: "Guest", body: "A comment the cache must show", token: token, cookie: cookie)
                #expect(!(try await Self.cached(client, path)).contains(shown), "a held comment changes nothing")
                try await CommentPostingTests.approveAll(store)
            case .topicRename:
                let topic = try #require(main.content.primaryTopic)
                try await store.siteActions.renameTopic(topic.id, to: "Tariff Wars", by: editor, now: now)
            case .settings:
                var settings = try #require(try await store.siteSettings.load())
                settings.name = "The Cached Courier"
                let admin = try #require(try await store.accounts.find(email: "admin@example.com"))
                try await store.siteActions.changeSettings(settings, by: admin, now: now)
            }
            #expect(try await client.execute(uri: path, method: .get).text.contains(shown), "\(change)")
        }
    }

    @Test func pagesExpireAtLocalMidnightAndWhenAScheduledStoryFallsDue() async throws {
        // 23:59 in Warsaw on the reference day, then a minute past midnight: "11:25" becomes "14 Feb".
        let lateEvening = TestSite.referenceNow.addingTimeInterval(11 * 3_600 + 59 * 60)
        let time = Mutex(lateEvening)
        let clock = NewsClock { time.withLock { $0 } }
        try await TestSite.run(clock: clock, config: NewsroomClient.config, seed: Self.seed) { client, store in
            let story = try await SchedulingTests.article(store, slug: "after-midnight")
            _ = try await store.articleActions.move(
                story.id, .schedule, scheduleAt: lateEvening.addingTimeInterval(30 * 60),
                by: try await Self.editor(store),
                now: lateEvening)
            // Discovery's new rails, worked out after the answer, drop the pages that show rails again.
            await store.changeFeed.settled()
            let before = try await Self.cached(client, Self.article)
            #expect(before.contains(">11:25<"))
            #expect(!(try await Self.cached(client, "/")).contains("/articles/after-midnight\""))

            time.withLock { $0 = lateEvening.addingTimeInterval(120) }
            let after = try await client.execute(uri: Self.article, method: .get).text
            #expect(!after.contains(">11:25<"))
            #expect(after.contains(">14 Feb<"))

            #expect(!(try await Self.cached(client, "/")).contains("/articles/after-midnight\""))
            time.withLock { $0 = lateEvening.addingTimeInterval(31 * 60) }
            // No write has happened: the scheduler has not run; the cached home page expired by itself.
            #expect(try await client.execute(uri: "/", method: .get).text.contains("/articles/after-midnight\""))
        }
    }

    @Test func feedsSitemapsAndTheContentAPIAreCachedAndDroppedToo() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: Self.seed) { client, store in
            let paths = [
                "/feed.xml", "/sitemap.xml", "/api/v1/articles", "/api/v1/articles/\(Self.article.dropFirst(10))",
            ]
            for path in paths { _ = try await Self.cached(client, path) }
            let now = TestSite.referenceNow
            let main = try #require(
                try await store.articles.visible(slug: Slug(String(Self.article.dropFirst(10)))!, now: now))
            var content = main.content
            content.headline = "Headline through every channel"
            _ = try await store.articleActions.save(
                main.id, content: content, basedOn: main.version, by: try await Self.editor(store), now: now,
                event: .articleUpdated)
            for path in ["/feed.xml", "/api/v1/articles", "/api/v1/articles/\(Self.article.dropFirst(10))"] {
                #expect(
                    try await client.execute(uri: path, method: .get).text.contains("Headline through every channel"),
                    "\(path)")
            }
        }
    }
}
