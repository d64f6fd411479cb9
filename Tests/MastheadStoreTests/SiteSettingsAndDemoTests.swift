import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@Suite struct SiteSettingsAndDemoTests {
    @Test func settingsRoundTrip() async throws {
        try await FreshDatabase.with { store in
            #expect(try await store.siteSettings.load() == nil)
            let settings = SiteSettings(
                name: "Gazeta", baseURL: "https://gazeta.example", timeZone: TimeZone(identifier: "Europe/Warsaw")!,
                language: "pl")
            try await store.siteSettings.save(settings)
            try await store.siteSettings.save(settings)
            #expect(try await store.siteSettings.load() == settings)
        }
    }

    @Test func theDemoLoadsOnceAndReplacesOnlyWhenTold() async throws {
        try await FreshDatabase.with { store in
            let now = Date(timeIntervalSince1970: 1_739_530_800)
            let loader = DemoLoader(store: store)
            try await loader.load(DemoEdition(now: now), replacingExisting: false)
            #expect(try await store.articles.latest(now: now, limit: 10).articles.count == 6)
            #expect(try await store.siteSettings.load()?.timeZone.identifier == "Europe/Warsaw")

            await #expect(throws: DemoError.self) {
                try await loader.load(DemoEdition(now: now), replacingExisting: false)
            }
            try await loader.load(DemoEdition(now: now), replacingExisting: true)
            #expect(try await store.articles.latest(now: now, limit: 10).articles.count == 6)
        }
    }

    /// The demo's conversation is decided content: a site that turned guests off still gets all of it,
    /// the guest's comment waiting in the queue included.
    @Test func theDemoConversationLoadsWithGuestsOff() async throws {
        try await FreshDatabase.with { store in
            let now = Date()
            try await DemoLoader(store: store).load(DemoEdition(now: now), replacingExisting: false)
            var settings = try #require(try await store.siteSettings.load())
            settings.comments.allowGuests = false
            try await store.siteSettings.save(settings)

            try await DemoConversation(store: store).load(now: now)

            let article = try #require(try await store.articles.find(slug: DemoConversation.storySlug))
            let comments = try await store.comments.all(onArticle: article.id)
            #expect(comments.count == 5)
            #expect(comments.contains { $0.displayName == "A passing guest" && $0.status == .pending })
        }
    }
}
