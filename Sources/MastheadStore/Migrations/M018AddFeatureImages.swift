import FluentKit
import SQLKit

/// A story's feature image: the stored file's name, its alt text, caption and credit.
struct M018AddFeatureImages: AsyncMigration {
    var name: String { "018-add-feature-images" }
    static let columns = ["image_file", "image_alt", "image_caption", "image_credit"]

    func prepare(on database: any Database) async throws {
        for column in Self.columns {
            try await database.schema("articles").field(.string(column), .string).update()
        }
    }

    /// Raw SQL because FluentSQLiteDriver 4.9 refuses to drop columns, which SQLite has done since 3.35.
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        for column in Self.columns.reversed() {
            try await sql.raw("ALTER TABLE \(ident: "articles") DROP COLUMN \(ident: column)").run()
        }
    }
}
