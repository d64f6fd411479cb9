import Foundation
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Discovery in the newsroom: correcting entities, topic suggestions in the editor, the Read next
/// setting, and the rails kept by the change feed when a story is published from the editor.
@Suite struct NewsroomDiscoveryTests {
    @Test func editorsCorrectEntitiesAndReadersSeeTheCorrection() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let list = try await editor.get(NewsroomRoute.entities.path).text
            #expect(list.contains("John Coale"))
            let witkoff = try #require(try await store.entities.find(kind: .person, slug: Slug("steve-witkoff")!))
            let renamed = try await editor.post(
                NewsroomRoute.entity(witkoff.id).path,
                [("action", "rename"), ("name", "Steven Witkoff"), ("kind", "person")])
            #expect(renamed.status == .seeOther)
            #expect(try await client.execute(uri: "/people/steven-witkoff", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/people/steve-witkoff", method: .get).status == .notFound)

            let europe = try #require(try await store.entities.find(kind: .place, slug: Slug("europe")!))
            _ = try await editor.post(NewsroomRoute.entity(europe.id).path, [("action", "rule-out")])
            #expect(try await client.execute(uri: "/places/europe", method: .get).status == .notFound)
            let page = try await editor.get(NewsroomRoute.entities.path).text
            #expect(page.contains("Marked as not an entity"))

            let forged = try await editor.post(
                NewsroomRoute.entity(witkoff.id).path, [("action", "delete")], token: "not-the-token")
            #expect(forged.status == .forbidden)
            #expect(try await store.entities.find(id: witkoff.id) != nil)

            var author = NewsroomClient(client)
            try await author.signIn(as: .author)
            let refused = try await author.post(NewsroomRoute.entity(witkoff.id).path, [("action", "delete")])
            #expect(refused.status == .forbidden)
        }
    }

    @Test func aSavedDraftIsOfferedTopicsFromItsPlacesAndNearestStories() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let fields = NewsroomClient.storyFields(
                headline: "Kyiv weighs NATO talks as Hegseth and Coale differ",
                lede: "Ukraine’s officials weighed the U.S. envoy’s words on NATO membership.",
                body: "John Coale said NATO membership for Ukraine remains possible.")
            let created = try await editor.post(NewsroomRoute.newArticle.path, fields)
            let id = try NewsroomClient.storyID(created)
            // Discovery reads the saved story after the answer.
            await store.changeFeed.settled()
            let page = try await editor.get(NewsroomRoute.article(id).path).text
            #expect(page.contains("Suggested from the story’s people, places and nearest stories: Ukraine"))
            #expect(page.contains("Ukraine (suggested)"))
        }
    }

    @Test func theReadNextSettingIsSavedFromTheSettingsPage() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var admin = NewsroomClient(client)
            try await admin.signIn(as: .admin)
            let form = try await admin.get(NewsroomRoute.settings.path).text
            #expect(form.contains("name=\"read_next\" value=\"related\" checked"))
            let fields: [(String, String)] = [
                ("name", "The Daily Masthead"), ("base_url", "http://127.0.0.1:8080"), ("time_zone", "Europe/Warsaw"),
                ("language", "en"), ("feed_full_text", "1"),
            ]
            let saved = try await admin.post(NewsroomRoute.settings.path, fields + [("read_next", "latest")])
            #expect(saved.status == .seeOther)
            #expect(try await store.siteSettings.load()?.readNext == .latest)
            let bad = try await admin.post(NewsroomRoute.settings.path, fields + [("read_next", "random")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Read next offers either the related or the latest stories."))
            #expect(try await store.siteSettings.load()?.readNext == .latest)
        }
    }
}
