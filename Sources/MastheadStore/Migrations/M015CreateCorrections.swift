import FluentKit

struct M015CreateCorrections: AsyncMigration {
    var name: String { "015-create-corrections" }

    func prepare(on database: any Database) async throws {
        try await database.schema("corrections")
            .id()
            .field("article_id", .uuid, .required, .references("articles", "id", onDelete: .cascade))
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex(
            "corrections_article_id_created_at", on: "corrections", columns: ["article_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.dropIndex("corrections_article_id_created_at")
        try await database.schema("corrections").delete()
    }
}
