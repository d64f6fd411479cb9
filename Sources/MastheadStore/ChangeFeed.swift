import Foundation
import MastheadCore
import Synchronization

/// Delivers domain events, after the transaction that recorded them has committed, to whatever
/// follows changes in this process. A subscriber's handler is awaited before the action returns, so a
/// newsroom page that redirects after a change shows its effect.
///
/// Two kinds of listener: a *subscriber* acts on changes made by this node only (webhooks, search,
/// counters: work done once, by the node that wrote); a *follower* keeps a copy of something current
/// (page cache, settings, live comments) and so hears changes made on every node, which PostgreSQL
/// carries between nodes by `LISTEN/NOTIFY` (``ChangeRelay``).
public final class ChangeFeed: Sendable {
    public typealias Handler = @Sendable (DomainEvent) async -> Void
    private let handlers = Mutex<[Handler]>([])
    private let followers = Mutex<[Handler]>([])
    private let interruptionHandlers = Mutex<[@Sendable () async -> Void]>([])

    public init() {}

    /// Hears changes made on this node.
    public func subscribe(_ handler: @escaping Handler) {
        handlers.withLock { $0.append(handler) }
    }

    /// Hears changes made on any node.
    public func follow(_ handler: @escaping Handler) {
        followers.withLock { $0.append(handler) }
    }

    /// Told when this node may have missed changes made on others (its connection to the database's
    /// notifications dropped), so that followers can start again from the database.
    public func onFollowInterrupted(_ handler: @escaping @Sendable () async -> Void) {
        interruptionHandlers.withLock { $0.append(handler) }
    }

    /// Followers first: a cache drops what changed at once, before slower work (discovery, webhooks)
    /// runs for the same change; what that work changes in turn comes as events of its own.
    func publish(_ events: [DomainEvent]) async {
        let current = followers.withLock { $0 } + handlers.withLock { $0 }
        for event in events {
            for handler in current { await handler(event) }
        }
    }

    /// Changes another node made, as its notification described them.
    public func publishFromOtherNode(_ events: [DomainEvent]) async {
        let current = followers.withLock { $0 }
        for event in events {
            for handler in current { await handler(event) }
        }
    }

    public func followInterrupted() async {
        for handler in interruptionHandlers.withLock({ $0 }) { await handler() }
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
