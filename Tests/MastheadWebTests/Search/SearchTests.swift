import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Full-text search on the reference page's stories, on whichever database the suite runs on.
@Suite struct SearchTests {
    static let main = "us-envoy-says-ukraine-nato-membership-still-possible"

    @Test func wordsAndPhrasesFindTheirStoriesWithHeadlineMatchesFirst() async throws {
        try await FreshDatabase.with { store in
            try await TestSite.seedReference(store)
            let now = TestSite.referenceNow
            let hegseth = try await store.articles.search(SearchQuery("Hegseth"), now: now, limit: 10)
            #expect(hegseth.first?.story.slug.value == Self.main, "the headline names him")
            #expect(hegseth.first?.snippetHTML.contains("<mark>Hegseth</mark>") == true)

            let phrase = try await store.articles.search(SearchQuery("\"reciprocal tariffs\""), now: now, limit: 10)
            #expect(phrase.map(\.story.slug.value) == ["trump-orders-plan-for-reciprocal-tariffs"])
            let notAPhrase = try await store.articles.search(SearchQuery("\"tariffs reciprocal\""), now: now, limit: 10)
            #expect(notAPhrase.isEmpty)

            let prefix = try await store.articles.search(SearchQuery("witk*"), now: now, limit: 10)
            #expect(prefix.map(\.story.slug.value) == [Self.main])
        }
    }

    @Test func editsAreFoundAndUnpublishedStoriesAreNot() async throws {
        try await FreshDatabase.with { store in
            try await NewsroomClient.seedAccounts(store)
            let editor = try #require(try await store.accounts.find(email: "editor@example.com"))
            let main = try #require(try await store.articles.find(slug: Slug(Self.main)!))
            var content = main.content
            content.bodyMarkdown += "\n\nThe envoy later met Zelenskyy in Kyiv."
            _ = try await store.articleActions.save(
                main.id, content: content, basedOn: main.version, by: editor, now: TestSite.referenceNow)
            #expect(
                try await store.articles.search(SearchQuery("Zelenskyy"), now: TestSite.referenceNow, limit: 5).count
                    == 1)
            _ = try await store.articleActions.move(main.id, .unpublish, by: editor, now: TestSite.referenceNow)
            #expect(
                try await store.articles.search(SearchQuery("Zelenskyy"), now: TestSite.referenceNow, limit: 5).isEmpty)
        }
    }

    @Test(arguments: [
        "\"unbalanced", "NEAR(a b", "a OR", "-", "*", "\"\"", "(((", "'; DROP TABLE articles; --", "Hegseth AND",
        String(repeating: "Hegseth ", count: 1_250), "%FF%FE%FD", "%E2%80%AEevil", "<script>alert(1)</script>",
        "col:umn^2", "%E0%B5%8E%22", "%E0%B5%8E'", "%E0%B5%8E%7C", "%E0%B5%8E(",
    ])
    func hostileQueriesGetAPageOrJSONNeverAnError(query: String) async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let encoded =
                query.hasPrefix("%")
                ? query : (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let page = try await client.execute(uri: "/search?q=\(encoded)", method: .get)
            #expect(page.status == .ok, "\(query.prefix(40))")
            #expect(!page.text.contains("<script>alert(1)</script>"))
            let api = try await client.execute(uri: "/api/v1/search?q=\(encoded)", method: .get)
            #expect(api.status == .ok, "\(query.prefix(40))")
        }
    }

    @Test func theSearchPageShowsResultsWithTheQueryEscaped() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let page = try await client.execute(uri: "/search?q=%3CHegseth%3E", method: .get).text
            #expect(page.contains("value=\"&lt;Hegseth&gt;\""))
            #expect(page.contains("<a href=\"/articles/\(Self.main)\">"))
            #expect(page.contains("<mark>Hegseth</mark>"))
            let none = try await client.execute(uri: "/search?q=zzzzqqq", method: .get).text
            #expect(none.contains("No stories match “zzzzqqq”."))
            let home = try await client.execute(uri: "/", method: .get).text
            #expect(
                home.contains("<form class=\"masthead__search\" role=\"search\" method=\"get\" action=\"/search\">"))
            let json = try await client.execute(uri: "/api/v1/search?q=tariffs", method: .get)
            let results = try #require(
                (try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any])?["results"]
                    as? [[String: Any]])
            #expect(results.first?["slug"] as? String == "trump-orders-plan-for-reciprocal-tariffs")
        }
    }
}
