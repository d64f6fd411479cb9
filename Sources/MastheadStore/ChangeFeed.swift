import Foundation
import MastheadCore
import Synchronization

/// Delivers domain events, after the transaction that recorded them has committed, to whatever
/// follows changes in this process.
///
/// Only what the writer's very next request must see is done before the action returns: a
/// *follower* (``follow(_:)``) keeps an in-memory copy current (the page cache, the settings, the
/// conversation targets) and is awaited, so a newsroom page that redirects after a change shows it.
/// Everything else runs after the answer, each listener from a queue of its own
/// (``FollowerQueue``), in the order the events were recorded: a slow one holds up neither the
/// poster nor the others. A *subscriber* (``subscribe(_:)``: discovery, metrics, the CDN purge) hears
/// changes made by this node only, work done once by the node that wrote; ``followAfter(_:)`` (live
/// comments) hears every node's, which PostgreSQL carries between nodes by `LISTEN/NOTIFY`
/// (``ChangeRelay``).
public final class ChangeFeed: Sendable {
    public typealias Handler = @Sendable (DomainEvent) async -> Void
    private let followers = Mutex<[Handler]>([])
    private let localQueues = Mutex<[FollowerQueue]>([])
    private let everyNodeQueues = Mutex<[FollowerQueue]>([])
    private let interruptionHandlers = Mutex<[@Sendable () async -> Void]>([])

    public init() {}

    /// Hears changes made on this node, after the answer.
    public func subscribe(_ handler: @escaping Handler) {
        localQueues.withLock { $0.append(FollowerQueue(handler)) }
    }

    /// Hears changes made on any node, before the action that made one here returns: for in-memory
    /// copies that a reader's next page reads.
    public func follow(_ handler: @escaping Handler) {
        followers.withLock { $0.append(handler) }
    }

    /// Hears changes made on any node, after the answer.
    public func followAfter(_ handler: @escaping Handler) {
        everyNodeQueues.withLock { $0.append(FollowerQueue(handler)) }
    }

    /// Told when this node may have missed changes made on others (its connection to the database's
    /// notifications dropped), so that followers can start again from the database.
    public func onFollowInterrupted(_ handler: @escaping @Sendable () async -> Void) {
        interruptionHandlers.withLock { $0.append(handler) }
    }

    /// Followers first, awaited: a cache drops what changed at once. The queued listeners are handed
    /// the events and run later; what their work changes in turn comes as events of its own.
    func publish(_ events: [DomainEvent]) async {
        guard !events.isEmpty else { return }
        await tellFollowers(events)
        for queue in localQueues.withLock({ $0 }) + everyNodeQueues.withLock({ $0 }) { queue.enqueue(events) }
    }

    /// Changes another node made, as its notification described them.
    public func publishFromOtherNode(_ events: [DomainEvent]) async {
        guard !events.isEmpty else { return }
        await tellFollowers(events)
        for queue in everyNodeQueues.withLock({ $0 }) { queue.enqueue(events) }
    }

    private func tellFollowers(_ events: [DomainEvent]) async {
        let current = followers.withLock { $0 }
        for event in events {
            for handler in current { await handler(event) }
        }
    }

    public func followInterrupted() async {
        for handler in interruptionHandlers.withLock({ $0 }) { await handler() }
    }

    /// Returns once every queued listener has run every event it was handed, including the events
    /// their own work recorded meanwhile: before the store closes, and for tests and commands that
    /// read what a listener keeps.
    public func settled() async {
        let queues = localQueues.withLock { $0 } + everyNodeQueues.withLock { $0 }
        while queues.contains(where: { !$0.isIdle }) {
            for queue in queues { await queue.idle() }
        }
    }
}

/// Events recorded during one transaction, published once it commits.
final class EventCollector: Sendable {
    private let events = Mutex<[DomainEvent]>([])

    func append(_ event: DomainEvent) {
        events.withLock { $0.append(event) }
    }

    var all: [DomainEvent] { events.withLock { $0 } }
}
