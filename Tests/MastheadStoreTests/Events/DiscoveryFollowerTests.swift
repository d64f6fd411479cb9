import Foundation
import MastheadCore
import MastheadTesting
import SQLKit
import Testing

@testable import MastheadStore

/// Discovery reads the events table from a position of its own (issue 20): a story saved while no
/// node works discovery (the one holding it stopped without giving it back) is indexed once a node
/// takes it over, after a restart.
@Suite struct DiscoveryFollowerTests {
    static func indexedTerms(of id: UUID, _ store: Store) async throws -> Int {
        let sql = try #require(store.database as? any SQLDatabase)
        return try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "terms")
            .from("article_terms").where("article_id", .equal, id).first()?.decode(column: "terms", as: Int.self)
            ?? 0
    }

    @Test func aStorySavedWhileNoNodeWorksDiscoveryIsIndexedAfterARestart() async throws {
        let fresh = try await FreshDatabase.make()
        let first = try Store.open(fresh.location, logger: testLogger, connectionWait: FreshDatabase.connectionWait)
        // A node that stopped without giving discovery back: its claim runs for an hour yet.
        let gone = UUID()
        let cursors = EventCursors(store: first)
        #expect(
            try await cursors.claim(
                DiscoveryIndex.followerName, for: gone, startsAtNewest: false, now: Date(), lease: 3_600) != nil)
        let desk = try await ArticleActionsTests.Desk.make(first)
        let story = try await first.articleActions.create(desk.content(), by: desk.editor, now: desk.now)
        await first.changeFeed.settled()
        #expect(try await Self.indexedTerms(of: story.id, first) == 0, "discovery ran while another node held it")
        await first.close()

        let second = try Store.open(fresh.location, logger: testLogger, connectionWait: FreshDatabase.connectionWait)
        second.changeFeed.startFollowers()
        // The lapse of the stopped node's claim, without waiting an hour for it.
        let sql = try #require(second.database as? any SQLDatabase)
        try await sql.update("event_cursors").set("held_until", to: SQLBind(Date(timeIntervalSince1970: 0)))
            .where("name", .equal, DiscoveryIndex.followerName).run()
        for _ in 0..<1_000 where try await Self.indexedTerms(of: story.id, second) == 0 {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(try await Self.indexedTerms(of: story.id, second) > 0, "the story saved meanwhile was never indexed")
        await second.close()
        try await fresh.drop()
    }
}
