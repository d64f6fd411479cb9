import FluentKit

/// Newsroom sessions live in the database so that every app node sees the same sign-ins.
struct M010CreateSessions: AsyncMigration {
    var name: String { "010-create-sessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sessions")
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .field("expires_at", .datetime)
            .create()
        try await database.createIndex("sessions_expires_at", on: "sessions", columns: ["expires_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.dropIndex("sessions_expires_at")
        try await database.schema("sessions").delete()
    }
}
