import Foundation
import MastheadCore
import Synchronization
import Testing

@testable import MastheadStore

/// A queued listener that never finishes costs a bounded amount of memory (issue 20): its queue keeps
/// at most its limit of events and counts the rest as dropped.
@Suite struct ChangeFeedBoundTests {
    @Test func aListenerThatNeverFinishesHoldsNoMoreThanItsLimit() async throws {
        let feed = ChangeFeed()
        let entered = Mutex(0)
        let stuck = Mutex(true)
        feed.subscribe(name: "stuck", limit: 3) { _ in
            entered.withLock { $0 += 1 }
            while stuck.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(5)) }
        }
        let event = DomainEvent(name: .settingsChanged, subjectID: nil, actorID: nil, occurredAt: Date())
        await feed.publish([event], ticket: feed.ticket())
        for _ in 0..<1_000 where entered.withLock({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(entered.withLock { $0 } == 1)
        for _ in 0..<10 { await feed.publish([event], ticket: feed.ticket()) }
        #expect(feed.dropped == 7, "one running, three waiting, the rest dropped")
        stuck.withLock { $0 = false }
        await feed.settled()
        #expect(entered.withLock { $0 } == 4)
    }
}
