import FluentKit

struct M006CreateComments: AsyncMigration {
    var name: String { "006-create-comments" }

    func prepare(on database: any Database) async throws {
        try await database.schema("comments")
            .id()
            .field("article_id", .uuid, .required, .references("articles", "id", onDelete: .cascade))
            .field("parent_id", .uuid, .references("comments", "id", onDelete: .cascade))
            .field("display_name", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        // The conversation under an article: its published comments, oldest first.
        try await database.createIndex(
            "comments_article_status_created_at", on: "comments", columns: ["article_id", "status", "created_at", "id"])
    }

    func revert(on database: any Database) async throws {
        try await database.dropIndex("comments_article_status_created_at")
        try await database.schema("comments").delete()
    }
}
