import FluentKit
import Foundation
import SQLKit

/// Two things issue 19 needs from the schema.
///
/// A session names the account it signs in (`sessions.account_id`), so a password change, a role
/// change or a removal can end that account's sessions on every node; sessions already out there are
/// given their owner here from what they hold, so nobody is signed out by the upgrade.
///
/// A verification link carries the sign-up it answers (`reader_tokens.password_hash` and
/// `display_name`): a second sign-up for an address nobody has confirmed is a request of its own, and
/// confirming it uses its own password, rather than overwriting the first person's.
struct M028RecordSessionOwnersAndSignUpRequests: AsyncMigration {
    var name: String { "028-record-session-owners-and-sign-up-requests" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sessions").field("account_id", .uuid).update()
        try await database.createIndex("sessions_account_id", on: "sessions", columns: ["account_id"])
        try await database.schema("reader_tokens").field("password_hash", .string).update()
        try await database.schema("reader_tokens").field("display_name", .string).update()
        try await Self.giveSessionsTheirOwners(on: database)
    }

    /// Raw SQL because FluentSQLiteDriver 4.9 refuses to drop columns, which SQLite has done since 3.35.
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        try await database.dropIndex("sessions_account_id")
        try await sql.raw("ALTER TABLE \(ident: "sessions") DROP COLUMN \(ident: "account_id")").run()
        for column in ["password_hash", "display_name"] {
            try await sql.raw("ALTER TABLE \(ident: "reader_tokens") DROP COLUMN \(ident: column)").run()
        }
    }

    /// A reader's session holds the reader's id; a newsroom session holds JSON with `accountID`.
    static func giveSessionsTheirOwners(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL("sessions_account_id") }
        struct Row: Decodable {
            let key: String
            let value: String
        }
        struct NewsroomValue: Decodable {
            let accountID: UUID
        }
        for row in try await sql.select().columns("key", "value").from("sessions").all(decoding: Row.self) {
            let owner =
                UUID(uuidString: row.value)
                ?? (try? JSONDecoder().decode(NewsroomValue.self, from: Data(row.value.utf8)))?.accountID
            guard let owner else { continue }
            try await sql.update("sessions").set("account_id", to: SQLBind(owner)).where("key", .equal, row.key)
                .run()
        }
    }
}
