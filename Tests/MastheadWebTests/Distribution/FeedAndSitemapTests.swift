import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Feeds and sitemaps: byte for byte against golden files, conditional requests, and the rules each
/// format has (embargoed stories absent, corrections noted, 48 hours in the news sitemap).
@Suite struct FeedAndSitemapTests {
    static let feeds: [(String, String)] =
        FeedFormat.allCases.flatMap { format in
            [
                ("/\(format.fileName)", "site-\(format.fileName)"),
                ("/topics/ukraine/\(format.fileName)", "topic-\(format.fileName)"),
                ("/authors/anna-kowalska/\(format.fileName)", "author-\(format.fileName)"),
            ]
        }
    static let sitemaps = [
        ("/sitemap.xml", "sitemap.xml"), ("/sitemaps/articles-1.xml", "sitemap-articles-1.xml"),
        ("/sitemaps/topics.xml", "sitemap-topics.xml"), ("/sitemaps/authors.xml", "sitemap-authors.xml"),
        ("/sitemaps/news.xml", "sitemap-news.xml"), ("/robots.txt", "robots.txt"),
    ]

    /// The reference edition plus a correction on the main story, so feeds show one.
    static func seed(_ store: Store) async throws {
        try await NewsroomClient.seedAccounts(store)
        let editor = try #require(try await store.accounts.find(email: "editor@example.com"))
        let main = try #require(
            try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
        _ = try await store.articleActions.addCorrection(
            main.id, text: "An earlier version gave the wrong day for the envoy's remarks.", by: editor,
            now: TestSite.referenceNow.addingTimeInterval(-300))
    }

    @Test func everyFeedAndSitemapMatchesItsGoldenFile() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: Self.seed) { client, _ in
            for (path, golden) in Self.feeds + Self.sitemaps {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                try Golden.check(response.text, against: "Distribution/\(golden)")
            }
        }
    }

    @Test func feedsHaveTheirTypesAndAnswerConditionalRequests() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: Self.seed) { client, _ in
            for format in FeedFormat.allCases {
                let feed = try await client.execute(uri: "/\(format.fileName)", method: .get)
                #expect(feed.headers[.contentType] == format.contentType)
                let eTag = try #require(feed.headers[.eTag])
                let lastModified = try #require(feed.headers[.lastModified])
                #expect(lastModified == "Fri, 14 Feb 2025 10:55:00 GMT", "the correction, the newest change")
                let byTag = try await client.execute(
                    uri: "/\(format.fileName)", method: .get, headers: [.ifNoneMatch: eTag])
                #expect(byTag.status == .notModified)
                #expect(byTag.body.readableBytes == 0)
                let byDate = try await client.execute(
                    uri: "/\(format.fileName)", method: .get, headers: [.ifModifiedSince: lastModified])
                #expect(byDate.status == .notModified)
                let stale = try await client.execute(
                    uri: "/\(format.fileName)", method: .get, headers: [.ifNoneMatch: "\"other\""])
                #expect(stale.status == .ok)
            }
            #expect(try await client.execute(uri: "/topics/nothing/feed.xml", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/sitemaps/articles-2.xml", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/sitemaps/anything.xml", method: .get).status == .notFound)
        }
    }

    @Test func everyPageAnnouncesItsFeeds() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: Self.seed) { client, _ in
            let home = try await client.execute(uri: "/", method: .get).text
            #expect(
                home.contains(
                    "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"The Daily Masthead (RSS)\" href=\"/feed.xml\">"
                ))
            #expect(home.contains("type=\"application/feed+json\""))
            let topic = try await client.execute(uri: "/topics/ukraine", method: .get).text
            #expect(
                topic.contains(
                    "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Ukraine (Atom)\" href=\"/topics/ukraine/atom.xml\">"
                ))
            let author = try await client.execute(uri: "/authors/anna-kowalska", method: .get).text
            #expect(author.contains("href=\"/authors/anna-kowalska/feed.json\""))
        }
    }

    @Test func excerptFeedsCarryOnlyLedesAndEmbargoedStoriesAreLeftOut() async throws {
        try await TestSite.run(
            config: NewsroomClient.config,
            seed: { store in
                try await Self.seed(store)
                var settings = try #require(try await store.siteSettings.load())
                settings.feedFullText = false
                try await store.siteSettings.save(settings)
                let editor = try #require(try await store.accounts.find(email: "editor@example.com"))
                let main = try #require(
                    try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
                _ = try await store.articleActions.setEmbargo(
                    main.id, until: TestSite.referenceNow.addingTimeInterval(600), by: editor,
                    now: TestSite.referenceNow)
            }
        ) { client, _ in
            let rss = try await client.execute(uri: "/feed.xml", method: .get).text
            #expect(!rss.contains("us-envoy-says-ukraine-nato-membership-still-possible"))
            #expect(!rss.contains("Coale noted"))
            #expect(rss.contains("&lt;p&gt;U.S. President Donald Trump"))
            for path in ["/sitemaps/articles-1.xml", "/sitemaps/news.xml", "/topics/ukraine/atom.xml"] {
                let body = try await client.execute(uri: path, method: .get).text
                #expect(!body.contains("us-envoy-says-ukraine-nato-membership-still-possible"), "\(path)")
            }
        }
    }

    @Test func theNewsSitemapHoldsOnlyTheLastTwoDays() async throws {
        try await TestSite.run(
            clock: .fixed(TestSite.referenceNow.addingTimeInterval(47 * 3_600)), config: NewsroomClient.config,
            seed: Self.seed
        ) { client, _ in
            let news = try await client.execute(uri: "/sitemaps/news.xml", method: .get).text
            // 47 hours on, the stories published in the 8 hours before the reference time: only those
            // less than 48 hours old remain.
            let count = news.components(separatedBy: "<news:news>").count - 1
            #expect(count > 0 && count < 6, "\(count)")
        }
    }

    @Test func headlinesCannotEndTheJSONLDScript() {
        let json = StructuredData.scriptSafe("{\"headline\":\"</script><script>alert(1)</script> & <!--\"}")
        #expect(!json.contains("<"))
        #expect(!json.contains(">"))
        #expect(json.contains("\\u003c/script\\u003e"))
        let data = Data(json.utf8)
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        #expect(object?["headline"] == "</script><script>alert(1)</script> & <!--")
    }
}
