import FluentKit

/// The newsroom lists sort by the latest save; without this they would sort every story.
struct M016IndexRevisionsSavedAt: AsyncMigration {
    var name: String { "016-index-revisions-saved-at" }

    func prepare(on database: any Database) async throws {
        try await database.createIndex("revisions_saved_at", on: "revisions", columns: ["saved_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.dropIndex("revisions_saved_at")
    }
}
