import FluentKit
import SQLKit

/// The events table in commit order, and where each once-per-site listener has read it to (issue 20).
///
/// `events.position` numbers each event as its transaction commits (``EventPositions``), so a listener
/// that has finished everything up to a position has missed nothing before it. Events recorded before
/// this migration have none: they were delivered while they were written, and no listener starts
/// before the newest. `events.article_id` keeps the story a comment event concerns, which the page
/// cache and the CDN purge need and a listener reading the events table after a restart would otherwise
/// lose. `event_cursors` holds each listener's position, and which node runs it until when.
struct M030RecordEventPositions: AsyncMigration {
    var name: String { "030-record-event-positions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("events").field("position", .int64).update()
        try await database.schema("events").field("article_id", .uuid).update()
        try await database.createIndex("events_position", on: "events", columns: ["position"])
        try await database.schema("event_cursors")
            .field("name", .string, .identifier(auto: false))
            .field("position", .int64, .required)
            .field("holder", .uuid)
            .field("held_until", .datetime)
            .create()
    }

    /// Raw SQL because FluentSQLiteDriver 4.9 refuses to drop columns, which SQLite has done since 3.35.
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        try await database.schema("event_cursors").delete()
        try await database.dropIndex("events_position")
        for column in ["position", "article_id"] {
            try await sql.raw("ALTER TABLE \(ident: "events") DROP COLUMN \(ident: column)").run()
        }
    }
}
