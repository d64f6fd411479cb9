import FluentKit

struct M005CreateBylines: AsyncMigration {
    var name: String { "005-create-bylines" }

    func prepare(on database: any Database) async throws {
        try await database.schema("bylines")
            .id()
            .field("article_id", .uuid, .required, .references("articles", "id", onDelete: .cascade))
            .field("author_id", .uuid, .required, .references("authors", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .unique(on: "article_id", "author_id")
            .create()
        try await database.createIndex("bylines_author_id", on: "bylines", columns: ["author_id", "article_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.dropIndex("bylines_author_id")
        try await database.schema("bylines").delete()
    }
}
