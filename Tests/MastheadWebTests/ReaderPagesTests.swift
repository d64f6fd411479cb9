import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadTesting
import MastheadWeb
import Synchronization
import Testing

@testable import MastheadStore

@Suite struct ReaderPagesTests {
    static let tariffs = Topic(id: UUID(), name: "US Tariffs", slug: Slug("us-tariffs")!)
    static let reporter = Author(id: UUID(), name: "Jan Nowak", slug: Slug("jan-nowak")!, bio: "Covers trade.")

    /// `count` stories a minute apart, all on the tariffs topic and by the same reporter.
    static func seedStories(_ count: Int) -> (Store) async throws -> Void {
        { store in
            try await store.topics.create(tariffs)
            try await store.authors.create(reporter)
            for index in 1...count {
                try await store.articles.create(
                    ArticleDraft(
                        id: UUID(), slug: Slug("tariff-story-\(index)")!, headline: "Tariff story \(index)",
                        lede: "Lede \(index).", bodyMarkdown: "Body.", status: .published,
                        publishedAt: TestSite.referenceNow.addingTimeInterval(TimeInterval(-index * 60)),
                        primaryTopic: tariffs, authors: [reporter]))
            }
        }
    }

    @Test func theHomePageListsTheNewestStoriesWithTimesLabelsAndLedes() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            let headlines = PageText.captures(html, "<h2 class=\"story__headline\"><a href=\"[^\"]*\">([^<]*)</a>")
            #expect(headlines.count == 6)
            #expect(headlines.first?.hasPrefix("U.S. envoy says") == true)
            #expect(html.contains("<a class=\"story__topic\" href=\"/topics/us-tariffs\">US Tariffs</a>"))
            #expect(html.contains("<p class=\"story__lede\">U.S. President Donald Trump has directed"))
            #expect(html.contains("<title>The Daily Masthead</title>"))
        }
    }

    @Test func topicPagesPageThroughTheirStoriesNewestFirst() async throws {
        try await TestSite.run(seed: Self.seedStories(25)) { client, _ in
            let first = try await client.execute(uri: "/topics/us-tariffs", method: .get)
            #expect(first.status == .ok)
            let firstHeadlines = PageText.captures(first.text, "<h2 class=\"story__headline\"><a [^>]*>([^<]*)</a>")
            #expect(firstHeadlines == (1...20).map { "Tariff story \($0)" })
            let older = try #require(PageText.captures(first.text, "<a rel=\"next\" href=\"([^\"]*)\"").first)
            #expect(older.hasPrefix("/topics/us-tariffs?before="))

            let second = try await client.execute(uri: older, method: .get)
            let secondHeadlines = PageText.captures(second.text, "<h2 class=\"story__headline\"><a [^>]*>([^<]*)</a>")
            #expect(secondHeadlines == (21...25).map { "Tariff story \($0)" })
            #expect(!second.text.contains("rel=\"next\""))
        }
    }

    @Test func authorPagesShowTheBioAndTheirStories() async throws {
        try await TestSite.run(seed: Self.seedStories(3)) { client, _ in
            let page = try await client.execute(uri: "/authors/jan-nowak", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1 class=\"page__title\">Jan Nowak</h1>"))
            #expect(page.text.contains("Covers trade."))
            let headlines = PageText.captures(page.text, "<h2 class=\"story__headline\"><a [^>]*>([^<]*)</a>")
            #expect(headlines == ["Tariff story 1", "Tariff story 2", "Tariff story 3"])
        }
    }

    @Test func unknownAddressesDraftsAndLaterStoriesGetTheThemedNotFoundPage() async throws {
        try await TestSite.run(
            seed: { store in
                try await TestSite.seedReference(store)
                for (slug, status, offset) in [
                    ("a-draft", ArticleStatus.draft, -60.0), ("embargoed", .published, 3600),
                ] {
                    try await store.articles.create(
                        ArticleDraft(
                            id: UUID(), slug: Slug(slug)!, headline: slug, lede: "", bodyMarkdown: "", status: status,
                            publishedAt: TestSite.referenceNow.addingTimeInterval(offset)))
                }
            }
        ) { client, _ in
            for uri in [
                "/articles/a-draft", "/articles/embargoed", "/articles/NOT-A-SLUG", "/topics/nothing",
                "/authors/nobody",
                "/no/such/page",
            ] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
                #expect(response.text.contains("<h1 class=\"page__title\">Page not found</h1>"), "\(uri)")
                #expect(response.text.contains(#/<link rel="stylesheet" href="/assets/masthead\.[0-9a-f]{16}\.css">/#))
                #expect(!response.text.contains("rel=\"canonical\""))
            }
            let home = try await client.execute(uri: "/", method: .get).text
            #expect(home.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:8080/\">"))
            #expect(!home.contains("a-draft"))
            #expect(!home.contains("embargoed"))
        }
    }

    @Test func everyResponseCarriesSecurityHeadersAndTheFormCookieIsProtected() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let page = try await client.execute(uri: ReferencePageTests.mainArticle, method: .get)
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            let form = try await client.execute(uri: "/account/sign-in", method: .get)
            let cookie = try #require(form.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "strict-origin-when-cross-origin")
            let missing = try await client.execute(uri: "/nowhere", method: .get)
            #expect(missing.headers[.contentSecurityPolicy] != nil)
        }
    }

    @Test func onHTTPSTheFormCookieIsSecureAndBoundToThisHost() async throws {
        try await TestSite.run(
            config: { AppConfig(database: $0, baseURL: "https://news.example.com") }, seed: TestSite.seedReference
        ) { client, _ in
            let page = try await client.execute(uri: ReferencePageTests.mainArticle, method: .get)
            let form = try await client.execute(uri: "/account/sign-in", method: .get)
            let cookie = try #require(form.headers[.setCookie])
            #expect(cookie.hasPrefix("__Host-masthead_csrf="))
            #expect(cookie.contains("Secure"))
            #expect(page.text.contains("<link rel=\"canonical\" href=\"https://news.example.com/articles/"))
        }
    }

    @Test func theThemeStylesheetIsServed() async throws {
        try await TestSite.run { client, _ in
            let css = try await client.execute(uri: "/assets/masthead.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(css.text.contains(".read-next"))
        }
    }

    @Test func aStoryWithSeveralAuthorsNamesThemInOrderAndOneWithoutShowsNoByline() async throws {
        let second = Author(id: UUID(), name: "Ola Wiśniewska", slug: Slug("ola-wisniewska")!)
        let third = Author(id: UUID(), name: "Tom Berg", slug: Slug("tom-berg")!)
        try await TestSite.run(
            seed: { store in
                try await Self.seedStories(1)(store)
                for author in [second, third] { try await store.authors.create(author) }
                for (slug, authors) in [("three-bylines", [third, Self.reporter, second]), ("no-byline", [])] {
                    try await store.articles.create(
                        ArticleDraft(
                            id: UUID(), slug: Slug(slug)!, headline: slug, lede: "Lede.", bodyMarkdown: "Body.",
                            status: .published, publishedAt: TestSite.referenceNow, authors: authors))
                }
            }
        ) { client, _ in
            let shared = try await client.execute(uri: "/articles/three-bylines", method: .get).text
            let names = PageText.captures(shared, "<a rel=\"author\" href=\"[^\"]*\">([^<]*)</a>")
            #expect(names == ["Tom Berg", "Jan Nowak", "Ola Wiśniewska"])
            #expect(shared.contains("Tom Berg</a>, <a rel=\"author\""))
            #expect(shared.contains("Jan Nowak</a> and <a rel=\"author\""))
            let unsigned = try await client.execute(uri: "/articles/no-byline", method: .get).text
            #expect(!unsigned.contains("article__byline"))
        }
    }

    @Test func anEmptySiteSaysSo() async throws {
        try await TestSite.run { client, _ in
            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.status == .ok)
            #expect(home.text.contains("No stories have been published yet."))
        }
    }

    @Test func theArticlePageCostsTheSameQueriesHoweverManyCommentsAndStories() async throws {
        func queries(stories: Int, comments: Int) async throws -> Int {
            let history = QueryLog()
            let requestQueries = Mutex(0)
            try await TestSite.run(
                seed: { store in
                    try await Self.seedStories(stories)(store)
                    let article = try #require(
                        try await store.articles.visible(slug: Slug("tariff-story-1")!, now: TestSite.referenceNow))
                    for index in 0..<comments {
                        try await store.commentActions.add(
                            MastheadCore.Comment(
                                id: UUID(), articleID: article.id, displayName: "Reader \(index)", body: "Comment",
                                status: .published, createdAt: TestSite.referenceNow))
                    }
                    // Stories seeded below the write layer get their rails as `masthead reindex` gives them.
                    try await DiscoveryIndex(store: store).rebuild(now: TestSite.referenceNow) { _, _, _ in }
                },
                recordingInto: history
            ) { client, store in
                let before = history.statements.count
                let ranHere = store.reads?.ranHere.load(ordering: .relaxed)
                let page = try await client.execute(uri: "/articles/tariff-story-1", method: .get)
                #expect(page.status == .ok)
                let count = history.statements.count - before
                requestQueries.withLock { $0 = count }
                // On SQLite every one of them is a read run in the process with a kept statement.
                if let reads = store.reads, let ranHere {
                    #expect(reads.ranHere.load(ordering: .relaxed) - ranHere == count)
                }
            }
            return requestQueries.withLock { $0 }
        }
        let small = try await queries(stories: 3, comments: 1)
        let large = try await queries(stories: 30, comments: 40)
        #expect(small == large)
        // The article with its topics, byline and corrections (1); Read next, the story's people and
        // places and who said what, together (1); the conversation (3: a page of top-level comments, the
        // replies under them, the editor's picks).
        #expect(small == 5)
    }
}
