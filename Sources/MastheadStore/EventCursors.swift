import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// Where each once-per-site listener has read the events table to, and which node runs it. A
/// node holds a listener for ``lease`` at a time and renews it as it works; a node that stops gives
/// it back, and one that dies loses it when the lease runs out, so another node takes over from the
/// same position: every event is handled at least once.
struct EventCursors: Sendable {
    let database: any Database
    /// The store's one writer on SQLite (``WriterLock``): a write beside it would find a transaction's
    /// snapshot stale and fail it.
    let writer: WriterLock?
    /// How long a claim lasts without being renewed, unless the listener says otherwise.
    static let lease = EventFollower.lease

    init(store: Store) {
        database = store.database
        writer = store.writer
    }

    private var sql: any SQLDatabase {
        get throws {
            guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
            return sql
        }
    }

    /// Gives a listener seen for the first time its position: the first numbered event, or the
    /// newest when what came before is no business of its own (a CDN configured today has nothing to
    /// purge for last month). A listener already known keeps its own.
    func register(_ name: String, startsAtNewest: Bool) async throws {
        let sql = try self.sql
        try await WriterLock.holding(writer) {
            let start = startsAtNewest ? try await newest() : 0
            try await sql.raw(
                """
                INSERT INTO event_cursors (name, position) VALUES (\(bind: name), \(bind: start)) \
                ON CONFLICT (name) DO NOTHING
                """
            ).run()
        }
    }

    /// Claims the listener for `node` until `lease` from `now` (or renews its claim) and answers the
    /// position it has read to, or nil while another node holds it.
    func claim(
        _ name: String, for node: UUID, startsAtNewest: Bool, now: Date, lease: TimeInterval = Self.lease
    ) async throws -> Int64? {
        let sql = try self.sql
        try await register(name, startsAtNewest: startsAtNewest)
        try await WriterLock.holding(writer) {
            try await sql.update("event_cursors").set("holder", to: SQLBind(node))
                .set("held_until", to: SQLBind(now.addingTimeInterval(lease)))
                .where("name", .equal, name)
                .where { held in
                    held.where("holder", .is, SQLLiteral.null).orWhere("holder", .equal, node)
                        .orWhere("held_until", .lessThan, now)
                }
                .run()
        }
        guard
            let row = try await sql.select().columns("position", "holder").from("event_cursors")
                .where("name", .equal, name).first()
        else { return nil }
        guard try row.decode(column: "holder", as: UUID?.self) == node else { return nil }
        return try row.decode(column: "position", as: Int64.self)
    }

    /// Extends `node`'s claim on the listener to `lease` from `now`, and answers whether it still held it:
    /// unlike ``claim(_:for:startsAtNewest:now:lease:)``, it never takes a listener that is free or
    /// another node's.
    func renew(_ name: String, for node: UUID, now: Date, lease: TimeInterval = Self.lease) async throws -> Bool {
        let sql = try self.sql
        try await WriterLock.holding(writer) {
            try await sql.update("event_cursors").set("held_until", to: SQLBind(now.addingTimeInterval(lease)))
                .where("name", .equal, name).where("holder", .equal, node).run()
        }
        let holder = try await sql.select().column("holder").from("event_cursors").where("name", .equal, name)
            .first()?.decode(column: "holder", as: UUID?.self)
        return holder == node
    }

    /// Events after `position`, in commit order. An event whose name this version does not know (one a
    /// newer node wrote, or a name since retired) keeps its place with no event, so that the listener moves
    /// past it instead of reading it again for ever.
    func events(after position: Int64, limit: Int) async throws -> [(position: Int64, event: DomainEvent?)] {
        try await sql.select().columns("position", "id", "name", "subject_id", "actor_id", "occurred_at", "article_id")
            .from("events").where("position", .greaterThan, position).orderBy("position").limit(limit).all()
            .map { row in
                let position = try row.decode(column: "position", as: Int64.self)
                guard let name = DomainEvent.Name(rawValue: try row.decode(column: "name", as: String.self)) else {
                    return (position, nil)
                }
                let event = DomainEvent(
                    id: try row.decode(column: "id", as: UUID.self), name: name,
                    subjectID: try row.decode(column: "subject_id", as: UUID?.self),
                    actorID: try row.decode(column: "actor_id", as: UUID?.self),
                    occurredAt: try row.decode(column: "occurred_at", as: Date.self),
                    articleID: try row.decode(column: "article_id", as: UUID?.self))
                return (position, event)
            }
    }

    /// Records that the listener has handled everything up to `position`, while `node` still holds it.
    func advance(_ name: String, to position: Int64, for node: UUID) async throws {
        let sql = try self.sql
        try await WriterLock.holding(writer) {
            try await sql.update("event_cursors").set("position", to: SQLBind(position))
                .where("name", .equal, name).where("holder", .equal, node).run()
        }
    }

    /// Gives the listener back, for another node to take at once.
    func release(_ name: String, for node: UUID) async throws {
        let sql = try self.sql
        try await WriterLock.holding(writer) {
            try await sql.update("event_cursors").set("holder", to: SQLLiteral.null)
                .set("held_until", to: SQLLiteral.null)
                .where("name", .equal, name).where("holder", .equal, node).run()
        }
    }

    /// The newest event's position, or 0 for none.
    func newest() async throws -> Int64 {
        let newest = SQLFunction("MAX", args: SQLColumn("position"))
        return try await sql.select().column(
            SQLFunction("COALESCE", args: newest, SQLLiteral.numeric("0")), as: "newest"
        )
        .from("events").first()?.decode(column: "newest", as: Int64.self) ?? 0
    }
}
