import FluentKit

/// Old addresses that still lead somewhere: a published story's changed slug, a merged topic's slug.
struct M013CreateRedirects: AsyncMigration {
    var name: String { "013-create-redirects" }

    func prepare(on database: any Database) async throws {
        try await database.schema("article_redirects")
            .id()
            .field("old_slug", .string, .required)
            .field("article_id", .uuid, .required, .references("articles", "id", onDelete: .cascade))
            .unique(on: "old_slug")
            .create()
        try await database.schema("topic_redirects")
            .id()
            .field("old_slug", .string, .required)
            .field("topic_id", .uuid, .required, .references("topics", "id", onDelete: .cascade))
            .unique(on: "old_slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("topic_redirects").delete()
        try await database.schema("article_redirects").delete()
    }
}
