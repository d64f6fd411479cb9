import FluentKit

struct M007CreateSiteSettings: AsyncMigration {
    var name: String { "007-create-site-settings" }

    func prepare(on database: any Database) async throws {
        try await database.schema("site_settings")
            .id()
            .field("name", .string, .required)
            .field("base_url", .string, .required)
            .field("time_zone", .string, .required)
            .field("language", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("site_settings").delete()
    }
}
