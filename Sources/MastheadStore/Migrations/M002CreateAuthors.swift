import FluentKit

struct M002CreateAuthors: AsyncMigration {
    var name: String { "002-create-authors" }

    func prepare(on database: any Database) async throws {
        try await database.schema("authors")
            .id()
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .field("bio", .string, .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("authors").delete()
    }
}
