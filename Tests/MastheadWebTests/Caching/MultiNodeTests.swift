import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import NIOCore
import SQLKit
import Synchronization
import Testing

@testable import MastheadWeb

/// Several `masthead serve` processes on one PostgreSQL: each test builds two applications, each with
/// its own store (its own pools, node id and `LISTEN` connection) on one database, as two processes
/// would have. SQLite sites have one node, so these run on PostgreSQL only.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MASTHEAD_TEST_POSTGRES_URL"] != nil))
struct MultiNodeTests {
    static let now = TestSite.referenceNow

    /// Two nodes on one fresh database, both listening for each other's changes before `test` runs.
    static func twoNodes(
        liveB: Bool = false,
        _ test:
            @escaping @Sendable (_ a: any TestClientProtocol, _ b: any TestClientProtocol, Store, Store)
            async throws -> Void
    ) async throws {
        let fresh = try await FreshDatabase.make()
        do {
            let storeA = try Store.open(
                fresh.location, logger: testLogger, connectionWait: FreshDatabase.connectionWait)
            do {
                try await NewsroomClient.seedAccounts(storeA)
            } catch {
                await storeA.close()
                throw error
            }
            let storeB = try Store.open(
                fresh.location, logger: testLogger, connectionWait: FreshDatabase.connectionWait)
            let appA = try await buildApplication(
                config: NewsroomClient.config(fresh.location), store: storeA, clock: .fixed(now), logger: testLogger)
            let appB = try await buildApplication(
                config: NewsroomClient.config(fresh.location), store: storeB, clock: .fixed(now), logger: testLogger)
            try await appA.test(.router) { a in
                try await appB.test(liveB ? .live : .router) { b in
                    try await waitForListeners(storeA, count: 2)
                    try await test(a, b, storeA, storeB)
                }
            }
        } catch {
            try? await fresh.drop()
            throw error
        }
        try await fresh.drop()
    }

    /// Waits until `count` connections listen for changes on the store's database.
    static func waitForListeners(_ store: Store, count: Int) async throws {
        let sql = try #require(store.database as? any SQLDatabase)
        for _ in 0..<200 {
            let row = try await sql.raw(
                """
                SELECT count(*) AS listeners FROM pg_stat_activity
                WHERE datname = current_database() AND query ILIKE 'LISTEN%'
                """
            ).first()
            if try row?.decode(column: "listeners", as: Int.self) ?? 0 >= count { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("the nodes never listened for each other's changes")
    }

    @Test func aPublishOnOneNodeDropsTheOthersCachedPageWithinASecond() async throws {
        try await Self.twoNodes { _, b, storeA, storeB in
            #expect(!(try await PageCacheTests.cached(b, "/")).contains("/articles/from-node-a\""))
            #expect(try await Self.cachedPages(b) == 1)
            let story = try await SchedulingTests.article(storeA, slug: "from-node-a")
            // When node A's followers hear of its commit, and node B's of the notification: node B's
            // page cache, an earlier follower, has dropped the page by then.
            let committed = Mutex<ContinuousClock.Instant?>(nil)
            let heard = Mutex<ContinuousClock.Instant?>(nil)
            storeA.changeFeed.follow { event in
                if event.name == .articlePublished { committed.withLock { $0 = $0 ?? .now } }
            }
            storeB.changeFeed.follow { event in
                if event.name == .articlePublished { heard.withLock { $0 = $0 ?? .now } }
            }
            _ = try await storeA.articleActions.move(
                story.id, .publish, by: try await PageCacheTests.editor(storeA), now: Self.now)
            for _ in 0..<500 where heard.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(10)) }
            let from = try #require(committed.withLock { $0 })
            let to = try #require(heard.withLock { $0 }, "node B never heard of node A's publish")
            #expect(to - from < .seconds(1), "node B dropped its page \(to - from) after node A committed")
            #expect(try await Self.cachedPages(b) == 0)
            #expect(try await Self.cachedPages(b) == 0)
            #expect(try await b.execute(uri: "/", method: .get).text.contains("/articles/from-node-a\""))
        }
    }

    /// How many pages a node's cache holds, from its `/metrics`.
    static func cachedPages(_ client: any TestClientProtocol) async throws -> Int {
        let text = try await client.execute(uri: "/metrics", method: .get).text
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("masthead_page_cache_entries ") })
        return try #require(Int(line.split(separator: " ").last ?? ""))
    }

    @Test func aSettingsChangeOnOneNodeReachesTheOther() async throws {
        try await Self.twoNodes { _, b, storeA, _ in
            _ = try await PageCacheTests.cached(b, "/")
            var settings = try #require(try await storeA.siteSettings.load())
            settings.name = "The Two Node Times"
            let admin = try #require(try await storeA.accounts.find(email: "admin@example.com"))
            try await storeA.siteActions.changeSettings(settings, by: admin, now: Self.now)
            var seen = false
            for _ in 0..<50 where !seen {
                seen = try await b.execute(uri: "/", method: .get).text.contains("The Two Node Times")
                if !seen { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(seen)
        }
    }

    @Test func aScheduledStoryIsPublishedExactlyOnceWhenBothNodesTry() async throws {
        try await Self.twoNodes { _, _, storeA, storeB in
            let story = try await SchedulingTests.article(storeA, slug: "exactly-once")
            _ = try await storeA.articleActions.move(
                story.id, .schedule, scheduleAt: Self.now.addingTimeInterval(60),
                by: try await PageCacheTests.editor(storeA), now: Self.now)
            let due = Self.now.addingTimeInterval(120)
            async let fromA = storeA.articleActions.publishDue(now: due)
            async let fromB = storeB.articleActions.publishDue(now: due)
            let (a, b) = try await (fromA, fromB)
            #expect(a.count + b.count == 1)
            let sql = try #require(storeA.database as? any SQLDatabase)
            let published = try await sql.raw(
                "SELECT count(*) AS n FROM events WHERE name = 'article.published' AND subject_id = \(bind: story.id)"
            ).first()
            #expect(try published?.decode(column: "n", as: Int.self) == 1)
        }
    }

    @Test func aCommentPublishedOnOneNodeReachesALiveReaderOnTheOther() async throws {
        try await Self.twoNodes(liveB: true) { _, b, storeA, _ in
            let port = try #require(b.port)
            let article = try #require(
                try await storeA.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            let comment = MastheadCore.Comment(
                id: UUID(), articleID: article.id, displayName: "Ola", body: "Written on node A",
                status: .published, createdAt: Self.now)
            let received = try await LiveCommentsTests.stream(
                port: port, until: comment.id.uuidString.lowercased()
            ) { try await storeA.commentActions.add(comment) }
            #expect(received.contains("Written on node A"))
        }
    }
}
