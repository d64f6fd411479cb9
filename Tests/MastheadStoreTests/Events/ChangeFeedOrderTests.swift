import Foundation
import MastheadCore
import MastheadTesting
import SQLKit
import Synchronization
import Testing

@testable import MastheadStore

/// The queued listeners hear events in commit order, whatever order the committed transactions
/// publish them in (issue 20): on SQLite two writers can commit A then B and publish B then A.
@Suite struct ChangeFeedOrderTests {
    static func event(_ second: Double) -> DomainEvent {
        DomainEvent(
            name: .settingsChanged, subjectID: nil, actorID: nil, occurredAt: Date(timeIntervalSince1970: second))
    }

    @Test func eventsPublishedOutOfCommitOrderReachTheQueuesInIt() async {
        let feed = ChangeFeed()
        let heard = Mutex<[DomainEvent]>([])
        feed.subscribe { event in heard.withLock { $0.append(event) } }
        let (a, failed, b) = (feed.ticket(), feed.ticket(), feed.ticket())
        let (first, second) = (Self.event(1), Self.event(2))
        await feed.publish([second], ticket: b)
        await feed.publish([], ticket: failed)
        await feed.settled()
        #expect(heard.withLock { $0 }.isEmpty, "B's events overtook A's, committed before them")
        await feed.publish([first], ticket: a)
        await feed.settled()
        #expect(heard.withLock { $0 } == [first, second])
    }

    /// Many writers at once: a listener hears the events in the order of their positions, which number
    /// them in commit order.
    @Test func concurrentWritersEventsArriveInCommitOrder() async throws {
        try await FreshDatabase.with { store in
            let desk = try await ArticleActionsTests.Desk.make(store)
            await store.changeFeed.settled()
            let heard = Mutex<[UUID]>([])
            store.changeFeed.subscribe { event in
                if event.name == .articleCreated { heard.withLock { $0.append(event.id) } }
            }
            let (editor, now) = (desk.editor, desk.now)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 1...12 {
                    let content = desk.content("story-\(number)")
                    group.addTask { _ = try await store.articleActions.create(content, by: editor, now: now) }
                }
                try await group.waitForAll()
            }
            await store.changeFeed.settled()
            let sql = try #require(store.database as? any SQLDatabase)
            let committed = try await sql.select().column("id").from("events")
                .where("name", .equal, DomainEvent.Name.articleCreated.rawValue).orderBy("position").all()
                .map { try $0.decode(column: "id", as: UUID.self) }
            #expect(heard.withLock { $0 } == committed)
        }
    }
}
