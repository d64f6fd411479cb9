import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// The repositories on one database transaction, and the outbox that records what it changed. Every
/// write-layer action runs inside one (``Store/transaction(_:)``): its changes and its events commit
/// together or not at all.
public struct StoreTransaction: RepositoryAccess {
    public let database: any Database
    let collector: EventCollector

    /// Writes the event to the events table in this transaction; the change feed delivers it after commit.
    /// Webhook deliveries for the event are written here too, so none is lost to a crash. An article
    /// event also refreshes the copies of the story's visibility on its link rows (``DiscoveryLinks``),
    /// here once rather than in each action that can change it.
    public func record(_ event: DomainEvent) async throws {
        try await EventRecord(event).create(on: database)
        try await WebhookDeliveryQueue.enqueue(event, on: database)
        if event.name.isAboutAnArticle, let articleID = event.subjectID {
            try await DiscoveryLinks.copyVisibility(of: articleID, on: database)
        }
        collector.append(event)
    }

    /// Several events about comments or readers (never articles) in one insert, with their webhook
    /// deliveries: what a batch of new comments records.
    func record(_ events: [DomainEvent]) async throws {
        guard !events.isEmpty else { return }
        precondition(!events.contains { $0.name.isAboutAnArticle }, "article events refresh link rows one by one")
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        var insert = sql.insert(into: "events").columns(
            "id", "name", "subject_id", "actor_id", "occurred_at", "article_id")
        for event in events {
            insert = insert.values([
                SQLBind(event.id), SQLBind(event.name.rawValue), SQLBind(event.subjectID), SQLBind(event.actorID),
                SQLBind(event.occurredAt), SQLBind(event.articleID),
            ])
        }
        try await insert.run()
        try await WebhookDeliveryQueue.enqueue(events, on: database)
        for event in events { collector.append(event) }
    }
}

extension Store {
    /// Runs `body` in one database transaction, then delivers the events it recorded.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) async throws -> T)
        async throws -> T
    {
        let collector = EventCollector()
        let (node, changeFeed) = (node, changeFeed)
        let result: T
        do {
            result = try await WriterLock.holding(writer) {
                try await database.transaction { database in
                    let result = try await body(StoreTransaction(database: database, collector: collector))
                    try await ChangeRelay.notify(collector.all, node: node, on: database)
                    try await EventPositions.assign(collector.all, on: database)
                    // Still in commit order here: under the writer lock, or the events lock just taken.
                    collector.takeTicket(from: changeFeed)
                    return result
                }
            }
        } catch {
            // The commit failed after the ticket was taken: give its place up, or later ones wait for it.
            if let ticket = collector.ticket { await changeFeed.publish([], ticket: ticket) }
            throw error
        }
        // Subscribers may write in turn, so they hear of the change after the lock is handed on.
        if let ticket = collector.ticket { await changeFeed.publish(collector.all, ticket: ticket) }
        return result
    }
}

/// The repositories on a database handle: the store's own (outside a transaction, for reading and
/// seeding) or a transaction's (for the write layer). Written once so the two cannot drift.
public protocol RepositoryAccess: Sendable {
    var database: any Database { get }
}

extension RepositoryAccess {
    public var articles: ArticleRepository { ArticleRepository(database: database) }
    public var topics: TopicRepository { TopicRepository(database: database) }
    public var entities: EntityRepository { EntityRepository(database: database) }
    public var authors: AuthorRepository { AuthorRepository(database: database) }
    public var comments: CommentRepository { CommentRepository(database: database) }
    public var accounts: StaffAccountRepository { StaffAccountRepository(database: database) }
    public var revisions: RevisionRepository { RevisionRepository(database: database) }
    public var siteSettings: SiteSettingsRepository { SiteSettingsRepository(database: database) }
    public var events: EventRepository { EventRepository(database: database) }
    public var sessions: SessionRepository { SessionRepository(database: database) }
}
