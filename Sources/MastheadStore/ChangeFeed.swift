import Foundation
import MastheadCore
import Synchronization

/// Delivers domain events, after the transaction that recorded them has committed, to whatever
/// follows changes in this process (the settings snapshot, caches, webhooks, search). A subscriber's
/// handler is awaited before the action returns, so a newsroom page that redirects after a change
/// shows its effect. Across nodes on PostgreSQL the same events will travel by LISTEN/NOTIFY.
public final class ChangeFeed: Sendable {
    public typealias Handler = @Sendable (DomainEvent) async -> Void
    private let handlers = Mutex<[Handler]>([])

    public init() {}

    public func subscribe(_ handler: @escaping Handler) {
        handlers.withLock { $0.append(handler) }
    }

    func publish(_ events: [DomainEvent]) async {
        let current = handlers.withLock { $0 }
        for event in events {
            for handler in current { await handler(event) }
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
