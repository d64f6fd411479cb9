import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Time in the newsroom: scheduled stories that never miss, and embargoes every reader page honours.
@Suite struct SchedulingTests {
    static let now = TestSite.referenceNow

    static func editor(_ store: Store) async throws -> StaffAccount {
        try #require(try await store.accounts.find(email: "editor@example.com"))
    }

    static func article(_ store: Store, slug: String, topic: String = "ukraine") async throws -> Article {
        let author = try #require(try await store.authors.find(slug: Slug("anna-kowalska")!))
        let topic = try #require(try await store.topics.find(slug: Slug(topic)!))
        return try await store.articleActions.create(
            ArticleContent(
                slug: Slug(slug)!, headline: "Timed \(slug)", lede: "A timed story.", bodyMarkdown: "Body.",
                primaryTopic: topic, topics: [topic], authors: [author]),
            by: try await editor(store), now: now.addingTimeInterval(-7_200))
    }

    /// The public surfaces a story can appear on; true where it does.
    static func appearances(_ client: any TestClientProtocol, slug: String) async throws -> [String: Bool] {
        var seen: [String: Bool] = [:]
        for page in ["/", "/topics/ukraine", "/authors/anna-kowalska"] {
            seen[page] = try await client.execute(uri: page, method: .get).text.contains("/articles/\(slug)\"")
        }
        seen["article"] = try await client.execute(uri: "/articles/\(slug)", method: .get).status == .ok
        let other = "/articles/us-envoy-says-ukraine-nato-membership-still-possible"
        seen["read next"] = try await client.execute(uri: other, method: .get).text.contains("/articles/\(slug)\"")
        return seen
    }

    @Test func aStoryScheduledWhileTheServerWasDownIsPublishedWhenItStarts() async throws {
        let fresh = try await FreshDatabase.make()
        do {
            try await restart(fresh)
        } catch {
            try? await fresh.drop()
            throw error
        }
        try await fresh.drop()
    }

    private func restart(_ fresh: FreshDatabase) async throws {
        let scheduledFor = Self.now.addingTimeInterval(-600)
        let id = try await Store.using(fresh.location, logger: testLogger) { store in
            try await store.migrate()
            try await NewsroomClient.seedAccounts(store)
            let story = try await Self.article(store, slug: "dawn-briefing")
            _ = try await store.articleActions.move(
                story.id, .schedule, scheduleAt: scheduledFor, by: try await Self.editor(store),
                now: Self.now.addingTimeInterval(-3_600))
            #expect(try await store.articles.find(id: story.id)?.status == .scheduled)
            return story.id
        }
        // The server was down when the story fell due; it starts ten minutes later.
        try await Store.using(fresh.location, logger: testLogger) { store in
            let app = try await buildApplication(
                config: NewsroomClient.config(fresh.location), store: store, clock: .fixed(Self.now), logger: testLogger
            )
            let published = try #require(try await store.articles.find(id: id))
            #expect(published.status == .published)
            #expect(published.publishedAt == scheduledFor)
            #expect(try await store.events.all(about: id).first?.name == .articlePublished)
            // Read next is worked out after the answer, from the change feed's queue.
            await store.changeFeed.settled()
            try await app.test(.router) { client in
                let seen = try await Self.appearances(client, slug: "dawn-briefing")
                #expect(seen.values.allSatisfy { $0 }, "\(seen)")
            }
        }
    }

    @Test func aScheduledStoryAppearsOnTimeWithoutAWrite() async throws {
        let at = Self.now.addingTimeInterval(1_800)
        let seed: @Sendable (Store) async throws -> Void = { store in
            try await NewsroomClient.seedAccounts(store)
            let story = try await Self.article(store, slug: "noon-update")
            _ = try await store.articleActions.move(
                story.id, .schedule, scheduleAt: at, by: try await Self.editor(store), now: Self.now)
        }
        try await TestSite.run(clock: .fixed(Self.now), config: NewsroomClient.config, seed: seed) { client, _ in
            let seen = try await Self.appearances(client, slug: "noon-update")
            #expect(seen.values.allSatisfy { !$0 }, "\(seen)")
        }
        try await TestSite.run(clock: .fixed(at), config: NewsroomClient.config, seed: seed) { client, store in
            // Whatever start-up did runs its Read next work after the answer, from the change feed's queue.
            await store.changeFeed.settled()
            let seen = try await Self.appearances(client, slug: "noon-update")
            #expect(seen.values.allSatisfy { $0 }, "\(seen)")
        }
    }

    @Test func anEmbargoedStoryIsAbsentFromEveryPublicSurfaceUntilItsTime() async throws {
        let lifts = Self.now.addingTimeInterval(3_600)
        let seed: @Sendable (Store) async throws -> Void = { store in
            try await NewsroomClient.seedAccounts(store)
            let story = try await Self.article(store, slug: "embargoed-report")
            let editor = try await Self.editor(store)
            _ = try await store.articleActions.move(
                story.id, .publish, by: editor, now: Self.now.addingTimeInterval(-60))
            _ = try await store.articleActions.setEmbargo(story.id, until: lifts, by: editor, now: Self.now)
        }
        try await TestSite.run(clock: .fixed(Self.now), config: NewsroomClient.config, seed: seed) { client, _ in
            let seen = try await Self.appearances(client, slug: "embargoed-report")
            #expect(seen.values.allSatisfy { !$0 }, "\(seen)")
        }
        try await TestSite.run(clock: .fixed(lifts), config: NewsroomClient.config, seed: seed) { client, _ in
            let seen = try await Self.appearances(client, slug: "embargoed-report")
            #expect(seen.values.allSatisfy { $0 }, "\(seen)")
        }
    }

    @Test func anEditorSchedulesThroughTheNewsroomInTheSitesTimeZone() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let id = try NewsroomClient.storyID(
                try await editor.post(
                    NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "Evening vote"))
            )
            // 15:00 in Warsaw on the reference day is 14:00 UTC.
            let scheduled = try await editor.post(
                NewsroomRoute.articleMove(id).path, [("move", "schedule"), ("schedule_at", "2025-02-14T15:00")])
            #expect(scheduled.status == .seeOther)
            let story = try #require(try await store.articles.find(id: id))
            #expect(story.status == .scheduled)
            #expect(story.publishedAt == Date(timeIntervalSince1970: 1_739_541_600))
            let past = try await editor.post(
                NewsroomRoute.articleMove(id).path, [("move", "schedule"), ("schedule_at", "2025-02-14T09:00")])
            #expect(past.status == .conflict || past.status == .unprocessableContent)
        }
    }
}
