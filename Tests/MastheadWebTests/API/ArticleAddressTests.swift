import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Synchronization
import Testing

@testable import MastheadWeb

/// A story's address when one is created: a repeated headline gets a free number, a chosen address
/// that is taken conflicts, and only to a key that may write at all.
@Suite struct ArticleAddressTests {
    /// Runs `test` on the newsroom's seeded site with one Admin API key per role.
    static func run(_ test: @escaping @Sendable (any TestClientProtocol, Store, [Role: String]) async throws -> Void)
        async throws
    {
        let tokens = Mutex<[Role: String]>([:])
        try await TestSite.run(
            config: NewsroomClient.config,
            seed: { store in
                let made = try await APITests.seedKeys(store)
                tokens.withLock { $0 = made }
            }
        ) { client, store in
            try await test(client, store, tokens.withLock { $0 })
        }
    }

    static func create(_ client: any TestClientProtocol, token: String?, _ body: [String: Any]) async throws
        -> TestResponse
    {
        try await APITests.call(client, .post, "/api/v1/admin/articles", token: token, body: body)
    }

    /// A headline holding U+0000, which PostgreSQL cannot store, once answered 500 (found by schemathesis).
    @Test func aNullCharacterInAHeadlineIsStoredAsTheReplacementCharacter() async throws {
        try await Self.run { client, store, keys in
            let created = try await Self.create(
                client, token: keys[.editor], ["headline": "Wire\u{0}flash", "lede": "Officials met."])
            #expect(created.status == .created)
            let stored = try await store.articles.find(slug: Slug("wire-flash")!)
            #expect(stored?.content.headline == "Wire\u{FFFD}flash")
        }
    }

    @Test func aKeyThatMayNotWriteLearnsNothingAboutWhichSlugsExist() async throws {
        try await Self.run { client, store, keys in
            let draft = try await Self.create(
                client, token: keys[.editor],
                ["headline": "Merger talks", "lede": "Not yet public.", "slug": "secret-merger"])
            #expect(draft.status == .created)
            let taken = try await Self.create(
                client, token: keys[.moderator], ["headline": "Probe", "lede": "x", "slug": "secret-merger"])
            let free = try await Self.create(
                client, token: keys[.moderator], ["headline": "Probe", "lede": "x", "slug": "no-such-story"])
            for refused in [taken, free] {
                #expect(refused.status == .forbidden)
                #expect(try APITests.errorCode(refused) == "forbidden")
            }
            #expect(Array(buffer: taken.body) == Array(buffer: free.body), "a taken slug and a free one look alike")

            // Nor may a key change a story it may not open, whatever slug it asks for.
            let id = try #require(try APITests.json(draft)["id"] as? String)
            for slug in ["us-envoy-says-ukraine-nato-membership-still-possible", "a-free-slug"] {
                let patch = try await APITests.call(
                    client, .patch, "/api/v1/admin/articles/\(id)", token: keys[.contributor],
                    body: ["version": 1, "slug": slug])
                #expect(patch.status == .forbidden, "\(slug)")
            }
            #expect(try await store.articles.find(id: UUID(uuidString: id)!)?.slug == Slug("secret-merger"))
        }
    }

    @Test func aRepeatedHeadlineGetsAFreeNumberButAChosenSlugConflicts() async throws {
        try await Self.run { client, store, keys in
            let body: [String: Any] = ["headline": "Markets open higher", "lede": "Stocks rose.", "body": "Text."]
            var slugs: [String] = []
            for _ in 0..<3 {
                let created = try await Self.create(client, token: keys[.editor], body)
                #expect(created.status == .created)
                slugs.append(try #require(try APITests.json(created)["slug"] as? String))
            }
            #expect(slugs == ["markets-open-higher", "markets-open-higher-2", "markets-open-higher-3"])

            var chosen = body
            chosen["slug"] = "markets-open-higher-2"
            let conflict = try await Self.create(client, token: keys[.editor], chosen)
            #expect(conflict.status == .conflict)
            #expect(try APITests.errorCode(conflict) == "slug_taken")
            #expect(
                try await store.articles.desk(DeskQuery(limit: 100)).filter { $0.headline == "Markets open higher" }
                    .count == 3)
        }
    }

    @Test func wireStoriesSentAtOnceWithOneHeadlineAreAllCreated() async throws {
        try await Self.run { client, _, keys in
            let token = keys[.editor]
            let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { group in
                for index in 0..<5 {
                    group.addTask {
                        let created = try await Self.create(
                            client, token: token,
                            ["headline": "Storm warning for the coast", "lede": "Update \(index).", "body": "Text."])
                        return (created.status, try? APITests.json(created)["slug"] as? String)
                    }
                }
                var all: [(HTTPResponse.Status, String?)] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            #expect(statuses.allSatisfy { $0.0 == .created }, "\(statuses.map(\.0))")
            #expect(
                Set(statuses.compactMap(\.1))
                    == Set(["storm-warning-for-the-coast"] + (2...5).map { "storm-warning-for-the-coast-\($0)" }))
        }
    }

    @Test func theNewsroomNumbersARepeatedHeadlineAndRefusesATakenAddress() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            var ids: [UUID] = []
            for _ in 0..<2 {
                let created = try await editor.post(
                    NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "Ceasefire talks"))
                #expect(created.status == .seeOther)
                ids.append(try NewsroomClient.storyID(created))
            }
            var slugs: [String] = []
            for id in ids { slugs.append(try #require(try await store.articles.find(id: id)).slug.value) }
            #expect(slugs == ["ceasefire-talks", "ceasefire-talks-2"])

            let taken = try await editor.post(
                NewsroomRoute.newArticle.path,
                NewsroomClient.storyFields(headline: "Ceasefire talks again", slug: "ceasefire-talks"))
            #expect(taken.status == .unprocessableContent)
            #expect(taken.text.contains("Another story already uses the address “ceasefire-talks”; choose another."))
            #expect(taken.text.contains("value=\"Ceasefire talks again\""), "the writer's text is kept")
        }
    }
}
