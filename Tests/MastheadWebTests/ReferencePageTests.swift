import Foundation
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@Suite struct ReferencePageTests {
    static let mainArticle = "/articles/us-envoy-says-ukraine-nato-membership-still-possible"

    /// The reference page's rail is the latest stories, so the site is set to "latest" here; the
    /// related rail, the default, is `DiscoveryPagesTests`'s.
    @Test func theArticlePageReadsLikeTheReferencePage() async throws {
        try await TestSite.run(
            seed: { store in
                try await TestSite.seedReference(store)
                var settings = try #require(try await store.siteSettings.load())
                settings.readNext = .latest
                try await store.siteSettings.save(settings)
            }
        ) { client, _ in
            let response = try await client.execute(uri: Self.mainArticle, method: .get)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("A senior U.S. official said on Thursday that Ukraine’s NATO membership"))
            #expect(
                PageText.readNextEntries(html) == [
                    "11:25 US Tariffs", "11:19 Trump - Modi", "06:46", "04:13 Modi - Trump", "04:01",
                ])
            let order = [
                "class=\"article__lede\"", "Read next", "What is your opinion on this topic?",
                "Leave the first comment", "<textarea",
            ].map { PageText.offset(of: $0, in: html) }
            #expect(order.allSatisfy { $0 != nil })
            #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        }
    }

    @Test func theArticleShowsItsBylineDatelineAndBody() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let html = try await client.execute(uri: Self.mainArticle, method: .get).text
            #expect(html.contains("<h1 class=\"article__headline\">U.S. envoy says Ukraine’s NATO membership"))
            #expect(html.contains("By <a rel=\"author\" href=\"/authors/anna-kowalska\">Anna Kowalska</a>"))
            #expect(html.contains("<span class=\"article__place\">Washington</span>"))
            #expect(html.contains("14 February 2025, 11:40"))
            #expect(html.contains("<p>John Coale, President Donald Trump’s deputy Ukraine envoy"))
        }
    }

    @Test func aStoryFromTheDayBeforeShowsADateAndTheDayFollowsTheSiteZone() async throws {
        let utc = TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let lateUTC = calendar.date(from: DateComponents(year: 2025, month: 2, day: 13, hour: 23, minute: 30))!
        let yesterday = calendar.date(from: DateComponents(year: 2025, month: 2, day: 13, hour: 21, minute: 50))!
        try await TestSite.run(
            seed: { store in
                try await TestSite.seedReference(store)
                for (slug, date) in [("after-midnight-in-warsaw", lateUTC), ("yesterday-evening", yesterday)] {
                    try await store.articles.create(
                        ArticleDraft(
                            id: UUID(), slug: Slug(slug)!, headline: slug, lede: "Lede of \(slug).", bodyMarkdown: "",
                            status: .published, publishedAt: date))
                }
            }
        ) { client, _ in
            let html = try await client.execute(uri: "/", method: .get).text
            let times = PageText.captures(html, "<time class=\"story__time\"[^>]*>([^<]*)</time>")
            #expect(times == ["11:40", "11:25", "11:19", "06:46", "04:13", "04:01", "00:30", "13 Feb"])
        }
    }
}
