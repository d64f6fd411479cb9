import FluentKit

struct M011CreateRevisions: AsyncMigration {
    var name: String { "011-create-revisions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("revisions")
            .id()
            .field("article_id", .uuid, .required, .references("articles", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("content", .string, .required)
            .field("saved_by", .uuid)
            .field("saved_by_name", .string, .required)
            .field("saved_at", .datetime, .required)
            .field("changed_fields", .string, .required)
            .unique(on: "article_id", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("revisions").delete()
    }
}
