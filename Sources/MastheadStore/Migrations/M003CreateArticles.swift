import FluentKit

struct M003CreateArticles: AsyncMigration {
    var name: String { "003-create-articles" }

    func prepare(on database: any Database) async throws {
        try await database.schema("articles")
            .id()
            .field("slug", .string, .required)
            .field("headline", .string, .required)
            .field("lede", .string, .required)
            .field("body_markdown", .string, .required)
            .field("body_html", .string, .required)
            .field("dateline", .string)
            .field("status", .string, .required)
            .field("published_at", .datetime)
            .field("updated_at", .datetime)
            .field("primary_topic_id", .uuid, .references("topics", "id", onDelete: .setNull))
            .unique(on: "slug")
            .create()
        // Home, Read next and every newest-first list: status filter, then published_at order.
        try await database.createIndex(
            "articles_status_published_at", on: "articles", columns: ["status", "published_at", "id"])
        try await database.createIndex("articles_primary_topic_id", on: "articles", columns: ["primary_topic_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.dropIndex("articles_primary_topic_id")
        try await database.dropIndex("articles_status_published_at")
        try await database.schema("articles").delete()
    }
}
