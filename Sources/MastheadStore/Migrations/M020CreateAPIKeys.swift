import FluentKit

/// Admin API keys, stored as SHA-256 hashes of the token (the token itself is shown once), and the
/// responses to idempotent requests, so a retried create does not create twice.
struct M020CreateAPIKeys: AsyncMigration {
    var name: String { "020-create-api-keys" }

    func prepare(on database: any Database) async throws {
        try await database.schema("api_keys")
            .id()
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("idempotency_keys")
            .id()
            .field("api_key_id", .uuid, .required, .references("api_keys", "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("request_hash", .string, .required)
            .field("status", .int, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "api_key_id", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("idempotency_keys").delete()
        try await database.schema("api_keys").delete()
    }
}
