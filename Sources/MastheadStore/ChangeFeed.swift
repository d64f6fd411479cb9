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
/// (``FollowerQueue``, bounded), in commit order: a slow one holds up neither the poster nor the
/// others. A *subscriber* (``subscribe(name:limit:_:)``: metrics) hears changes made by this node
/// only; ``followAfter(name:limit:_:)`` (live comments) hears every node's, which PostgreSQL carries
/// between nodes by `LISTEN/NOTIFY` (``ChangeRelay``). Both are best effort. A listener that must hear
/// every change, across restarts, reads the events table (``EventFollower``: discovery, the CDN
/// purge); this node's changes wake it at once.
///
/// Transactions commit in one order and may publish in another (two writers: A commits, B commits, B
/// publishes, A publishes). Each takes a ticket while it still holds the commit order (``ticket()``,
/// under SQLite's writer lock or PostgreSQL's events lock), and the queues are handed events in
/// ticket order: one published early waits for the tickets before it.
public final class ChangeFeed: Sendable {
    public typealias Handler = @Sendable (DomainEvent) async -> Void

    private struct Handoff {
        var issued: UInt64 = 0
        var next: UInt64 = 0
        var early: [UInt64: [DomainEvent]] = [:]
    }

    private let followers = Mutex<[Handler]>([])
    private let localQueues = Mutex<[FollowerQueue]>([])
    private let everyNodeQueues = Mutex<[FollowerQueue]>([])
    private let woken = Mutex<[EventFollower]>([])
    private let kept = Mutex<[EventFollower]>([])
    private let handoff = Mutex(Handoff())
    private let interruptionHandlers = Mutex<[@Sendable () async -> Void]>([])

    /// How many events a queued listener may be behind: enough for a burst of a few thousand comments
    /// at once; a listener further behind is stuck, and its queue drops events (``FollowerQueue``).
    public static let queueLimit = 10_000

    public init() {}

    /// Hears changes made on this node, after the answer; best effort (``FollowerQueue``).
    public func subscribe(
        name: String = "a change feed subscriber", limit: Int = ChangeFeed.queueLimit,
        _ handler: @escaping Handler
    ) {
        localQueues.withLock { $0.append(FollowerQueue(name, limit: limit, handler)) }
    }

    /// Events the queued listeners dropped, having fallen ``FollowerQueue/defaultLimit`` behind.
    public var dropped: Int {
        (localQueues.withLock { $0 } + everyNodeQueues.withLock { $0 }).reduce(0) { $0 + $1.dropped }
    }

    /// Hears changes made on any node, before the action that made one here returns: for in-memory
    /// copies that a reader's next page reads.
    public func follow(_ handler: @escaping Handler) {
        followers.withLock { $0.append(handler) }
    }

    /// Hears changes made on any node, after the answer; best effort (``FollowerQueue``).
    public func followAfter(
        name: String = "a change feed follower", limit: Int = ChangeFeed.queueLimit,
        _ handler: @escaping Handler
    ) {
        everyNodeQueues.withLock { $0.append(FollowerQueue(name, limit: limit, handler)) }
    }

    /// Wakes `follower` whenever this node records a change.
    func wakes(_ follower: EventFollower) {
        woken.withLock { $0.append(follower) }
    }

    /// Runs `follower` for as long as the store is open: from the first change this node records, or
    /// from ``startFollowers()``, until the store closes. ``settled()`` waits for it to catch up.
    public func keep(_ follower: EventFollower) {
        kept.withLock { $0.append(follower) }
    }

    /// Starts the listeners kept with the store (``keep(_:)``) now, rather than at this node's first
    /// change: a server does at start-up, so that what a stopped node had not handled is.
    public func startFollowers() {
        for follower in kept.withLock({ $0 }) { follower.start() }
    }

    /// Told when this node may have missed changes made on others (its connection to the database's
    /// notifications dropped), so that followers can start again from the database.
    public func onFollowInterrupted(_ handler: @escaping @Sendable () async -> Void) {
        interruptionHandlers.withLock { $0.append(handler) }
    }

    /// A place in commit order for a transaction with events, taken while no other can commit; each
    /// ticket taken must be published (``publish(_:ticket:)``), with no events if the commit failed.
    func ticket() -> UInt64 {
        handoff.withLock { handoff in
            defer { handoff.issued += 1 }
            return handoff.issued
        }
    }

    /// Followers first, awaited: a cache drops what changed at once. The queued listeners are handed
    /// the events in ticket order and run later; what their work changes in turn comes as events of
    /// its own.
    func publish(_ events: [DomainEvent], ticket: UInt64) async {
        if !events.isEmpty {
            await tellFollowers(events)
            startFollowers()
        }
        // The queues are handed events under the lock, so that two publishers draining at once
        // cannot swap them.
        handoff.withLock { handoff in
            handoff.early[ticket] = events
            while let ready = handoff.early.removeValue(forKey: handoff.next) {
                handoff.next += 1
                guard !ready.isEmpty else { continue }
                for queue in localQueues.withLock({ $0 }) + everyNodeQueues.withLock({ $0 }) { queue.enqueue(ready) }
                for follower in woken.withLock({ $0 }) { follower.wake() }
            }
        }
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

    /// Returns once every queued listener has run every event it was handed, and every listener kept
    /// with the store has caught up with the events table, including the events their own work
    /// recorded meanwhile: before the store closes, and for tests and commands that read what a
    /// listener keeps.
    public func settled() async {
        let queues = localQueues.withLock { $0 } + everyNodeQueues.withLock { $0 }
        var quiet = false
        while !quiet {
            quiet = true
            for queue in queues where !queue.isIdle {
                quiet = false
                await queue.idle()
            }
            for follower in kept.withLock({ $0 }) where await !follower.caughtUp() {
                quiet = false
            }
        }
    }

    /// Settles, then stops the listeners kept with the store: it is closing.
    public func stop() async {
        await settled()
        for follower in kept.withLock({ $0 }) { await follower.stop() }
    }
}

/// Events recorded during one transaction, published once it commits, and the transaction's place in
/// commit order.
final class EventCollector: Sendable {
    private let events = Mutex<[DomainEvent]>([])
    private let place = Mutex<UInt64?>(nil)

    func append(_ event: DomainEvent) {
        events.withLock { $0.append(event) }
    }

    var all: [DomainEvent] { events.withLock { $0 } }

    /// Takes the transaction's ticket from `feed`, if it recorded events.
    func takeTicket(from feed: ChangeFeed) {
        guard !all.isEmpty else { return }
        place.withLock { $0 = feed.ticket() }
    }

    var ticket: UInt64? { place.withLock { $0 } }
}
