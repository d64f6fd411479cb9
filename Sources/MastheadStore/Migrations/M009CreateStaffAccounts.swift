import FluentKit

struct M009CreateStaffAccounts: AsyncMigration {
    var name: String { "009-create-staff-accounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("staff_accounts")
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("author_id", .uuid, .references("authors", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("staff_accounts").delete()
    }
}
