import Foundation
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

/// What readers see of discovery: the related rail, "Who said what", entity pages and search filters.
/// The setting that turns the rail back to the latest stories is `ReferencePageTests`'s.
@Suite struct DiscoveryPagesTests {
    static let main = "/articles/us-envoy-says-ukraine-nato-membership-still-possible"

    static func readNextHeadlines(_ html: String) -> [String] {
        guard let rail = PageText.section(html, from: "<aside class=\"read-next\"", to: "</aside>") else { return [] }
        return PageText.captures(rail, "<h3 class=\"read-next__headline\"><a href=\"[^\"]*\">([^<]*)</a>")
    }

    @Test func theRailUnderTheUkraineStoryLeadsWithBessentsVisitToUkraine() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let html = try await client.execute(uri: Self.main, method: .get).text
            let headlines = Self.readNextHeadlines(html)
            #expect(headlines.count == 5)
            #expect(headlines.first == "Bessent visits Ukraine, stressing U.S. interests in its post-war economy")
            let modi = try await client.execute(uri: "/articles/modi-meets-trump-on-tariffs-and-trade", method: .get)
            #expect(
                Self.readNextHeadlines(modi.text).first
                    == "Trump and Modi reaffirm economic and security partnership at the White House")
        }
    }

    @Test func whoSaidWhatAndThePeopleAndPlacesOfAStory() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let html = try await client.execute(uri: Self.main, method: .get).text
            let box = try #require(PageText.section(html, from: "<section class=\"who-said\"", to: "</section>"))
            #expect(box.contains("<a class=\"who-said__speaker\" href=\"/people/john-coale\">John Coale</a>"))
            #expect(box.contains("href=\"/people/pete-hegseth\">Pete Hegseth</a>"))
            #expect(box.contains("stated that nothing has been ruled out"))
            let chips = try #require(PageText.section(html, from: "<ul class=\"article__entities\"", to: "</ul>"))
            for link in ["/places/ukraine", "/organisations/nato", "/people/steve-witkoff"] {
                #expect(chips.contains("href=\"\(link)\""), "\(link)")
            }
        }
    }

    @Test func entityPagesListStoriesAndAPersonsStatements() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let coale = try await client.execute(uri: "/people/john-coale", method: .get)
            #expect(coale.status == .ok)
            #expect(coale.text.contains("<h1 class=\"page__title\">John Coale</h1>"))
            #expect(coale.text.contains("What John Coale said"))
            #expect(coale.text.contains("formal talks have not begun"))

            let ukraine = try await client.execute(uri: "/places/ukraine", method: .get).text
            #expect(ukraine.contains("Bessent visits Ukraine"))
            #expect(ukraine.contains("U.S. envoy says Ukraine’s NATO membership"))
            #expect(!ukraine.contains("What Ukraine said"), "places have no statements box")
            #expect(try await client.execute(uri: "/organisations/nato", method: .get).status == .ok)

            #expect(try await client.execute(uri: "/people/nobody-at-all", method: .get).status == .notFound)
            // Bessent is named only in a story an editor takes down: his page goes with it.
            let editor = try await store.accountActions(passwordCost: 4).create(
                email: "editor@example.com", name: "Editor", role: .editor, password: "correct horse battery", by: nil,
                now: TestSite.referenceNow)
            let bessent = try #require(try await store.articles.find(slug: Slug("bessent-visits-ukraine")!))
            #expect(try await client.execute(uri: "/people/scott-bessent", method: .get).status == .ok)
            _ = try await store.articleActions.move(bessent.id, .unpublish, by: editor, now: TestSite.referenceNow)
            #expect(try await client.execute(uri: "/people/scott-bessent", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/places/john-coale", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/people/john-coale", method: .post).status == .methodNotAllowed)
        }
    }

    @Test func searchNarrowsByTopicAuthorAndDayAndExplainsWhatItCannotUse() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            func slugs(_ uri: String) async throws -> [String] {
                let html = try await client.execute(uri: uri, method: .get).text
                return PageText.captures(html, "<h2 class=\"story__headline\"><a href=\"/articles/([^\"]*)\">")
            }
            let all = try await slugs("/search?q=Trump")
            #expect(all.count >= 5)
            #expect(
                Set(try await slugs("/search?q=Trump&topic=ukraine"))
                    == ["us-envoy-says-ukraine-nato-membership-still-possible", "bessent-visits-ukraine"])
            #expect(try await slugs("/search?q=Trump&author=anna-kowalska").count == all.count)
            // The reference stories went up on 14 February 2025 (Warsaw); none the day before.
            #expect(try await slugs("/search?q=Trump&from=2025-02-14&to=2025-02-14").count == all.count)
            #expect(try await slugs("/search?q=Trump&to=2025-02-13").isEmpty)

            let bad = try await client.execute(uri: "/search?q=Trump&from=14.02.2025", method: .get)
            #expect(bad.status == .ok)
            #expect(bad.text.contains("Write the first day as a date such as 2025-02-14."))
            #expect(bad.text.contains("value=\"14.02.2025\""))
            let unknown = try await client.execute(uri: "/search?q=Trump&topic=no-such-topic", method: .get).text
            #expect(unknown.contains("There is no topic “no-such-topic”."))

            let api = try await client.execute(uri: "/api/v1/search?q=Trump&from=yesterday", method: .get)
            #expect(api.status == .badRequest)
            let narrowed = try await client.execute(uri: "/api/v1/search?q=Trump&topic=ukraine", method: .get)
            let results = try #require(
                (try JSONSerialization.jsonObject(with: Data(buffer: narrowed.body)) as? [String: Any])?["results"]
                    as? [[String: Any]])
            #expect(results.count == 2)
        }
    }
}
