import FluentKit

struct M004CreateArticleTopics: AsyncMigration {
    var name: String { "004-create-article-topics" }

    func prepare(on database: any Database) async throws {
        try await database.schema("article_topics")
            .id()
            .field("article_id", .uuid, .required, .references("articles", "id", onDelete: .cascade))
            .field("topic_id", .uuid, .required, .references("topics", "id", onDelete: .cascade))
            .unique(on: "article_id", "topic_id")
            .create()
        // Topic pages start from the topic; the unique constraint above already covers article look-ups.
        try await database.createIndex(
            "article_topics_topic_id", on: "article_topics", columns: ["topic_id", "article_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.dropIndex("article_topics_topic_id")
        try await database.schema("article_topics").delete()
    }
}
