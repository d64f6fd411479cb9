import Foundation
import Logging
import MastheadCore
import MastheadTesting
import SQLKit
import Synchronization
import Testing

@testable import MastheadStore

/// A once-per-site listener reads the events table from a position kept in the database (issue 20): what it
/// had not finished when the site stopped reaches it when the site starts again, a failure is tried
/// again from the same event, and two nodes never both hold it.
@Suite struct EventFollowerTests {
    struct Refused: Error {}

    /// Polls, with a generous bound, until `done` holds.
    static func eventually(_ what: String, _ done: () -> Bool) async throws {
        for _ in 0..<1_000 where !done() { try await Task.sleep(for: .milliseconds(10)) }
        #expect(done(), "\(what)")
    }

    @Test func whatAListenerHadNotFinishedReachesItAfterARestart() async throws {
        let fresh = try await FreshDatabase.make()
        let attempts = Mutex(0)
        let first = try Store.open(fresh.location, logger: testLogger)
        let desk = try await ArticleActionsTests.Desk.make(first)
        // The listener fails every time on the first run: the site stops before it has handled the event.
        let failing = EventFollower(name: "probe", store: first, logger: testLogger) { _ in
            attempts.withLock { $0 += 1 }
            throw Refused()
        }
        let run = Task { await failing.run() }
        _ = try await first.articleActions.create(desk.content(), by: desk.editor, now: desk.now)
        try await Self.eventually("the listener never tried the event") { attempts.withLock { $0 } > 0 }
        run.cancel()
        await run.value
        await first.close()

        let heard = Mutex<[DomainEvent.Name]>([])
        let second = try Store.open(fresh.location, logger: testLogger)
        let listener = EventFollower(name: "probe", store: second, logger: testLogger) { events in
            heard.withLock { $0 += events.map(\.name) }
        }
        let again = Task { await listener.run() }
        try await Self.eventually("the event was lost in the restart") {
            heard.withLock { $0 }.contains(.articleCreated)
        }
        again.cancel()
        await again.value
        await second.close()
        try await fresh.drop()
    }

    /// An event this version cannot name (a newer node's, or a retired name) keeps its place in the
    /// listener's reading, so the listener moves past it instead of reading the same rows for ever.
    @Test func anEventOfAnUnknownNameIsPassedOver() async throws {
        try await FreshDatabase.with { store in
            let desk = try await ArticleActionsTests.Desk.make(store)
            let first = try await store.articleActions.create(desk.content(), by: desk.editor, now: desk.now)
            guard let sql = store.database as? any SQLDatabase else { throw StoreError.notSQL }
            try await sql.raw(
                "UPDATE events SET name = 'article.from-a-newer-node' WHERE subject_id = \(bind: first.id)"
            )
            .run()
            let heard = Mutex<[DomainEvent.Name]>([])
            let listener = EventFollower(name: "probe", store: store, logger: testLogger) { events in
                heard.withLock { $0 += events.map(\.name) }
            }
            let run = Task { await listener.run() }
            let read = try await EventCursors(store: store).events(after: 0, limit: 100)
            #expect(read.contains { $0.event == nil }, "the unknown event lost its place")
            _ = try await store.articleActions.create(
                desk.content("second", headline: "A second story"), by: desk.editor, now: desk.now)
            try await Self.eventually("the listener stopped at the unknown event") {
                heard.withLock { $0 }.contains(.articleCreated)
            }
            run.cancel()
            await run.value
        }
    }

    /// The node renews its claim while a batch runs, so another node does not take over a listener
    /// still working and handle the same events beside it.
    @Test func aNodeKeepsAListenerThroughABatchLongerThanItsLease() async throws {
        try await FreshDatabase.with { store in
            let desk = try await ArticleActionsTests.Desk.make(store)
            let started = Mutex(false)
            let finished = Mutex(false)
            // Long enough that the renewals (every quarter of it) survive the stalls of a whole suite run on
            // two cores: with 6 s, the PostgreSQL run of a fresh clone stalled past a renewal and another
            // node took the listener.
            let lease: TimeInterval = 30
            let listener = EventFollower(
                name: "long", store: store, startsAtNewest: true, lease: lease, logger: testLogger
            ) { events in
                guard !events.isEmpty, !started.withLock({ $0 }) else { return }
                started.withLock { $0 = true }
                try await Task.sleep(for: .seconds(lease * 2.5))
                finished.withLock { $0 = true }
            }
            try await listener.register()
            let run = Task { await listener.run() }
            _ = try await store.articleActions.create(desk.content(), by: desk.editor, now: desk.now)
            try await Self.eventually("the listener never started its batch") { started.withLock { $0 } }
            let cursors = EventCursors(store: store)
            let other = UUID()
            while !finished.withLock({ $0 }) {
                let taken = try await cursors.claim("long", for: other, startsAtNewest: true, now: Date(), lease: lease)
                #expect(taken == nil, "another node took over a listener still working")
                try await Task.sleep(for: .seconds(3))
            }
            run.cancel()
            await run.value
        }
    }

    @Test func oneNodeAtATimeHoldsAListenerUntilItsClaimLapsesOrItGivesItBack() async throws {
        try await FreshDatabase.with { store in
            let cursors = EventCursors(store: store)
            let now = Date()
            let nodes = (0..<6).map { _ in UUID() }
            let claims = try await withThrowingTaskGroup(of: (UUID, Int64?).self) { group in
                for node in nodes {
                    group.addTask {
                        (node, try await cursors.claim("probe", for: node, startsAtNewest: false, now: now))
                    }
                }
                return try await group.reduce(into: [UUID: Int64]()) { $0[$1.0] = $1.1 }
            }
            let holders = claims.filter { $0.value != nil }.map(\.key)
            #expect(holders.count == 1, "\(claims)")
            let holder = try #require(holders.first)
            let other = try #require(nodes.first { $0 != holder })
            #expect(try await cursors.claim("probe", for: holder, startsAtNewest: false, now: now + 20) == 0)
            #expect(try await cursors.claim("probe", for: other, startsAtNewest: false, now: now + 40) == nil)
            try await cursors.advance("probe", to: 7, for: other)
            #expect(try await cursors.claim("probe", for: holder, startsAtNewest: false, now: now + 40) == 0)
            let lapsed = now + 41 + EventCursors.lease
            #expect(try await cursors.claim("probe", for: other, startsAtNewest: false, now: lapsed) == 0)
            try await cursors.release("probe", for: other)
            #expect(try await cursors.claim("probe", for: holder, startsAtNewest: false, now: lapsed) == 0)
        }
    }

    /// A renewal that lands after the node gave the listener back, or lost it, must not take it again.
    @Test func aRenewalExtendsOnlyAClaimTheNodeStillHolds() async throws {
        try await FreshDatabase.with { store in
            let cursors = EventCursors(store: store)
            let now = Date()
            let (node, other) = (UUID(), UUID())
            #expect(try await cursors.claim("probe", for: node, startsAtNewest: false, now: now) == 0)
            #expect(try await cursors.renew("probe", for: node, now: now + 20))
            #expect(try await cursors.claim("probe", for: other, startsAtNewest: false, now: now + 40) == nil)
            try await cursors.release("probe", for: node)
            #expect(try await !cursors.renew("probe", for: node, now: now + 40), "a free listener was taken")
            #expect(try await cursors.claim("probe", for: other, startsAtNewest: false, now: now + 40) == 0)
            #expect(try await !cursors.renew("probe", for: node, now: now + 40), "another node's listener was taken")
        }
    }
}
