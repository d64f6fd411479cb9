import FluentKit

/// The events table: each domain event is written in the transaction that made the change it describes.
struct M012CreateEvents: AsyncMigration {
    var name: String { "012-create-events" }

    func prepare(on database: any Database) async throws {
        try await database.schema("events")
            .id()
            .field("name", .string, .required)
            .field("subject_id", .uuid)
            .field("actor_id", .uuid)
            .field("occurred_at", .datetime, .required)
            .create()
        try await database.createIndex("events_occurred_at", on: "events", columns: ["occurred_at", "id"])
        try await database.createIndex("events_subject_id", on: "events", columns: ["subject_id", "occurred_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.dropIndex("events_subject_id")
        try await database.dropIndex("events_occurred_at")
        try await database.schema("events").delete()
    }
}
