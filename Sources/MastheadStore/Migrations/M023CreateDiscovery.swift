import FluentKit
import SQLKit

/// What discovery stores beside the stories: named entities and their aliases, the entities and the
/// statements of each story, each story's weighted terms with how many stories share each term, and
/// the Read next rail worked out for each story.
///
/// Link tables carry a copy of their story's `live` and `published_at` (``DiscoveryLinks``), so a
/// topic or an entity page walks its own index newest first and stops after one page, however rare
/// the topic is in a large archive: driving from `articles` would scan the archive for a rare one.
struct M023CreateDiscovery: AsyncMigration {
    var name: String { "023-create-discovery" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        // One column per statement: SQLite adds only one at a time.
        try await database.schema("article_topics").field("live", .bool, .required, .sql(.default(false))).update()
        try await database.schema("article_topics").field("published_at", .datetime).update()
        try await sql.raw(
            """
            UPDATE article_topics SET \
            live = (SELECT live FROM articles WHERE articles.id = article_topics.article_id), \
            published_at = (SELECT published_at FROM articles WHERE articles.id = article_topics.article_id)
            """
        ).run()
        try await database.createIndex(
            "article_topics_topic_live_published", on: "article_topics",
            columns: ["topic_id", "live", "published_at", "article_id"])

        try await database.schema("entities")
            .id()
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .field("name_key", .string, .required)
            .field("ignored", .bool, .required, .sql(.default(false)))
            .unique(on: "name_key")
            .unique(on: "kind", "slug")
            .create()
        try await database.schema("entity_aliases")
            .field("alias_key", .string, .identifier(auto: false))
            .field("entity_id", .uuid, .required, .references("entities", "id", onDelete: .cascade))
            .create()
        try await database.schema("article_entities")
            .field("article_id", .uuid, .required, .references("articles", "id", onDelete: .cascade))
            .field("entity_id", .uuid, .required, .references("entities", "id", onDelete: .cascade))
            .field("mentions", .int, .required)
            .field("live", .bool, .required)
            .field("published_at", .datetime)
            .unique(on: "article_id", "entity_id")
            .create()
        try await database.createIndex(
            "article_entities_entity_live_published", on: "article_entities",
            columns: ["entity_id", "live", "published_at", "article_id"])
        try await database.schema("statements")
            .id()
            .field("article_id", .uuid, .required, .references("articles", "id", onDelete: .cascade))
            .field("entity_id", .uuid, .required, .references("entities", "id", onDelete: .cascade))
            .field("text", .string, .required)
            .field("position", .int, .required)
            .field("live", .bool, .required)
            .field("published_at", .datetime)
            .create()
        try await database.createIndex(
            "statements_entity_live_published", on: "statements",
            columns: ["entity_id", "live", "published_at", "position"])
        try await database.createIndex("statements_article", on: "statements", columns: ["article_id", "position"])

        try await database.schema("article_terms")
            .field("article_id", .uuid, .required, .references("articles", "id", onDelete: .cascade))
            .field("term", .string, .required)
            .field("weight", .double, .required)
            .unique(on: "article_id", "term")
            .create()
        try await database.createIndex(
            "article_terms_term", on: "article_terms", columns: ["term", "article_id", "weight"])
        try await database.schema("term_stats")
            .field("term", .string, .identifier(auto: false))
            .field("documents", .int, .required)
            .create()

        try await database.schema("read_next")
            .field("article_id", .uuid, .required, .references("articles", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("related_id", .uuid, .required, .references("articles", "id", onDelete: .cascade))
            .field("score", .double, .required)
            .unique(on: "article_id", "position")
            .create()
        try await database.createIndex("read_next_related", on: "read_next", columns: ["related_id"])

        try await database.schema("site_settings")
            .field("read_next", .string, .required, .sql(.default("related")))
            .update()
    }

    /// Raw SQL for the dropped columns because FluentSQLiteDriver 4.9 refuses to drop columns.
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        try await sql.raw("ALTER TABLE \(ident: "site_settings") DROP COLUMN \(ident: "read_next")").run()
        try await database.dropIndex("read_next_related")
        try await database.schema("read_next").delete()
        try await database.schema("term_stats").delete()
        try await database.dropIndex("article_terms_term")
        try await database.schema("article_terms").delete()
        try await database.dropIndex("statements_article")
        try await database.dropIndex("statements_entity_live_published")
        try await database.schema("statements").delete()
        try await database.dropIndex("article_entities_entity_live_published")
        try await database.schema("article_entities").delete()
        try await database.schema("entity_aliases").delete()
        try await database.schema("entities").delete()
        try await database.dropIndex("article_topics_topic_live_published")
        for column in ["live", "published_at"] {
            try await sql.raw("ALTER TABLE \(ident: "article_topics") DROP COLUMN \(ident: column)").run()
        }
    }
}
