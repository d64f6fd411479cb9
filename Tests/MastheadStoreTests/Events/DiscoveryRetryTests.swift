import Foundation
import MastheadCore
import MastheadTesting
import NIOCore
import Synchronization
import Testing

@testable import MastheadStore

/// Discovery skips a story that would fail every time, but not one that failed because the database
/// was busy or out of reach, nor because its task was cancelled: that batch is tried again, so that
/// every event is still worked at least once.
@Suite struct DiscoveryRetryTests {
    static let lost = ChannelError.ioOnClosedChannel

    static func event() -> DomainEvent {
        DomainEvent(name: .articleSaved, subjectID: UUID(), actorID: nil, occurredAt: Date())
    }

    @Test func aPassingFailureIsThrownAndOneThatRecursIsSkipped() async throws {
        let events = [Self.event(), Self.event()]
        await #expect(throws: ChannelError.self) {
            _ = try await DiscoveryIndex.apply(events, with: { _ in throw Self.lost }, logger: testLogger)
        }
        await #expect(throws: CancellationError.self) {
            _ = try await DiscoveryIndex.apply(events, with: { _ in throw CancellationError() }, logger: testLogger)
        }
        let changed = try await DiscoveryIndex.apply(
            events,
            with: { event in
                if event.id == events[0].id { throw StoreError.vanished("story") }
                return true
            }, logger: testLogger)
        #expect(changed?.id == events[1].id, "the story after one that cannot be indexed was not")
    }

    @Test func aReadThatGaveUpOnTheWritersLockIsPassing() {
        #expect(DiscoveryIndex.isPassing(SQLiteReadConnection.Failure(code: 5, message: "database is locked")))
        #expect(DiscoveryIndex.isPassing(SQLiteReadConnection.Failure(code: 6, message: "database table is locked")))
        #expect(!DiscoveryIndex.isPassing(SQLiteReadConnection.Failure(code: 1, message: "no such column")))
    }

    @Test func anEventWhoseFirstTryLostTheDatabaseIsWorkedOnTheNext() async throws {
        try await FreshDatabase.with { store in
            let tries = Mutex(0)
            let worked = Mutex(false)
            let follower = EventFollower(name: "flaky", store: store, startsAtNewest: true, logger: testLogger) {
                events in
                _ = try await DiscoveryIndex.apply(
                    events,
                    with: { _ in
                        if tries.withLock({ tries in
                            tries += 1
                            return tries == 1
                        }) {
                            throw Self.lost
                        }
                        worked.withLock { $0 = true }
                        return false
                    }, logger: testLogger)
            }
            try await follower.register()
            store.changeFeed.keep(follower)
            store.changeFeed.startFollowers()
            try await store.transaction { tx in try await tx.record(Self.event()) }
            for _ in 0..<2_000 where !worked.withLock({ $0 }) {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(worked.withLock { $0 }, "the event was skipped after the database went away")
            #expect(tries.withLock { $0 } >= 2)
        }
    }
}
