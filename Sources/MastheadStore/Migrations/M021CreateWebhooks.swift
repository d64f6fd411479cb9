import FluentKit

/// Webhook endpoints and their deliveries. A delivery row is written in the same transaction as the
/// event it carries, so an event is never lost between the change and the call, even across a
/// restart; the deliverer works through the rows and retries with backoff.
struct M021CreateWebhooks: AsyncMigration {
    var name: String { "021-create-webhooks" }

    func prepare(on database: any Database) async throws {
        try await database.schema("webhook_endpoints")
            .id()
            .field("url", .string, .required)
            .field("events", .string, .required)
            .field("secret", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("webhook_deliveries")
            .id()
            .field("endpoint_id", .uuid, .required, .references("webhook_endpoints", "id", onDelete: .cascade))
            .field("event_id", .uuid, .required)
            .field("event_name", .string, .required)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_status", .int)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .create()
        try await database.createIndex(
            "webhook_deliveries_status_next", on: "webhook_deliveries", columns: ["status", "next_attempt_at"])
        try await database.createIndex(
            "webhook_deliveries_created_at", on: "webhook_deliveries", columns: ["created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.dropIndex("webhook_deliveries_created_at")
        try await database.dropIndex("webhook_deliveries_status_next")
        try await database.schema("webhook_deliveries").delete()
        try await database.schema("webhook_endpoints").delete()
    }
}
