import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// The conversation as a community: reader accounts, their sign-up links and mail, replies, likes,
/// reports, bans, editor's picks, the moderators' audit log, rotating salts for address hashes, the
/// site's moderation settings, and a comment count on each story.
struct M025CreateCommunity: AsyncMigration {
    var name: String { "025-create-community" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        try await database.schema("commenters")
            .id()
            .field("email", .string)
            .field("display_name", .string, .required)
            .field("password_hash", .string)
            .field("verified_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("premoderated", .bool, .required, .sql(.default(false)))
            .field("banned_until", .datetime)
            .field("ban_reason", .string)
            // Counters the pipeline weighs on every comment, kept by the write layer so that posting
            // reads one row rather than counting a regular's whole history.
            .field("approved_count", .int, .required, .sql(.default(0)))
            .field("rejected_count", .int, .required, .sql(.default(0)))
            .field("deleted_at", .datetime)
            .unique(on: "email")
            .create()

        try await database.schema("reader_tokens")
            .field("token_hash", .string, .identifier(auto: false))
            .field("commenter_id", .uuid, .required, .references("commenters", "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()

        try await database.schema("outbox")
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("attempts", .int, .required, .sql(.default(0)))
            .field("last_error", .string)
            .create()
        try await database.createIndex("outbox_created_at", on: "outbox", columns: ["created_at"])

        try await database.schema("address_salts")
            .field("day", .string, .identifier(auto: false))
            .field("salt", .string, .required)
            .create()

        // One column per statement: SQLite adds only one at a time.
        let commentColumns: [(String, DatabaseSchema.DataType, [DatabaseSchema.FieldConstraint])] = [
            ("commenter_id", .uuid, []),
            ("ip_hash", .string, []),
            ("reason", .string, []),
            ("badge", .string, []),
            ("body_html", .string, [.required, .sql(.default(""))]),
            ("thread_id", .uuid, []),
            ("depth", .int, [.required, .sql(.default(0))]),
            ("like_count", .int, [.required, .sql(.default(0))]),
            ("report_count", .int, [.required, .sql(.default(0))]),
            ("featured", .bool, [.required, .sql(.default(false))]),
            ("edited_at", .datetime, []),
            ("deleted_at", .datetime, []),
        ]
        for (column, type, constraints) in commentColumns {
            try await database.schema("comments")
                .field(
                    .definition(name: .key(FieldKey(stringLiteral: column)), dataType: type, constraints: constraints)
                )
                .update()
        }
        try await backfillComments(sql)
        // A page of an article's top-level comments in each order, walked by keyset.
        try await database.createIndex(
            "comments_article_oldest", on: "comments", columns: ["article_id", "status", "depth", "created_at", "id"])
        try await database.createIndex(
            "comments_article_liked", on: "comments",
            columns: ["article_id", "status", "depth", "like_count", "created_at", "id"])
        try await database.createIndex("comments_thread", on: "comments", columns: ["thread_id", "created_at"])
        // Guests have no commenter: their comments stay out of this index.
        try await sql.raw(
            "CREATE INDEX comments_commenter ON comments (commenter_id, created_at) WHERE commenter_id IS NOT NULL"
        ).run()
        try await database.createIndex("comments_ip_hash", on: "comments", columns: ["ip_hash", "created_at"])
        // The moderators' queues hold few of the comments: partial indexes, which a published comment
        // (most of them) never touches on insert.
        try await sql.raw(
            "CREATE INDEX comments_queue ON comments (status, created_at) WHERE status <> 'published'"
        ).run()
        try await sql.raw(
            "CREATE INDEX comments_reported ON comments (report_count, created_at) WHERE report_count > 0"
        ).run()
        // Superseded by comments_article_oldest; one index fewer for every comment written.
        try await database.dropIndex("comments_article_status_created_at")

        try await database.schema("comment_likes")
            .id()
            .field("comment_id", .uuid, .required, .references("comments", "id", onDelete: .cascade))
            .field("commenter_id", .uuid, .required, .references("commenters", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "comment_id", "commenter_id")
            .create()

        try await database.schema("comment_reports")
            .id()
            .field("comment_id", .uuid, .required, .references("comments", "id", onDelete: .cascade))
            .field("commenter_id", .uuid)
            .field("ip_hash", .string, .required)
            .field("reason", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .field("resolved_at", .datetime)
            .create()
        try await database.createIndex(
            "comment_reports_comment", on: "comment_reports", columns: ["comment_id", "resolved_at"])
        try await database.createIndex(
            "comment_reports_ip_hash", on: "comment_reports", columns: ["ip_hash", "created_at"])

        try await database.schema("moderation_log")
            .id()
            .field("moderator_id", .uuid, .required)
            .field("moderator_name", .string, .required)
            .field("action", .string, .required)
            .field("comment_id", .uuid)
            .field("commenter_id", .uuid)
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex("moderation_log_created_at", on: "moderation_log", columns: ["created_at"])

        try await database.schema("articles").field("comment_count", .int, .required, .sql(.default(0))).update()
        try await sql.raw(
            """
            UPDATE articles SET comment_count = (SELECT COUNT(*) FROM comments
            WHERE comments.article_id = articles.id AND comments.status = 'published')
            """
        ).run()

        let settingsColumns: [(String, DatabaseSchema.DataType, SQLExpression)] = [
            ("comments_allow_guests", .bool, SQLLiteral.boolean(true)),
            ("comments_premoderate_all", .bool, SQLLiteral.boolean(false)),
            ("comments_first_held", .int, SQLLiteral.numeric("1")),
            ("comments_links_held_until", .int, SQLLiteral.numeric("3")),
            ("comments_max_length", .int, SQLLiteral.numeric("\(CommentSubmission.maximumBodyLength)")),
            ("comments_banned_words", .string, SQLLiteral.string("")),
            ("comments_suspect_words", .string, SQLLiteral.string("")),
        ]
        for (column, type, value) in settingsColumns {
            try await database.schema("site_settings")
                .field(FieldKey(stringLiteral: column), type, .required, .sql(.default(value))).update()
        }
    }

    /// Existing comments get their HTML rendered once, and each is its own thread (the form had no
    /// replies before this).
    private func backfillComments(_ sql: any SQLDatabase) async throws {
        struct Row: Decodable {
            var id: UUID
            var body: String
        }
        let rows = try await sql.select().columns("id", "body").from("comments").all(decoding: Row.self)
        for row in rows {
            try await sql.update("comments")
                .set("body_html", to: CommentText.html(row.body))
                .set(SQLIdentifier("thread_id"), to: SQLIdentifier("id"))
                .where("id", .equal, row.id)
                .run()
        }
    }

    /// Raw SQL for the columns because FluentSQLiteDriver 4.9 refuses to drop them.
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        for column in [
            "comments_allow_guests", "comments_premoderate_all", "comments_first_held", "comments_links_held_until",
            "comments_max_length", "comments_banned_words", "comments_suspect_words",
        ] {
            try await sql.raw("ALTER TABLE \(ident: "site_settings") DROP COLUMN \(ident: column)").run()
        }
        try await sql.raw("ALTER TABLE \(ident: "articles") DROP COLUMN \(ident: "comment_count")").run()
        try await database.dropIndex("moderation_log_created_at")
        try await database.schema("moderation_log").delete()
        try await database.dropIndex("comment_reports_ip_hash")
        try await database.dropIndex("comment_reports_comment")
        try await database.schema("comment_reports").delete()
        try await database.schema("comment_likes").delete()
        try await database.createIndex(
            "comments_article_status_created_at", on: "comments", columns: ["article_id", "status", "created_at", "id"])
        for index in [
            "comments_reported", "comments_queue", "comments_ip_hash", "comments_commenter", "comments_thread",
            "comments_article_liked", "comments_article_oldest",
        ] {
            try await database.dropIndex(index)
        }
        for column in [
            "deleted_at", "edited_at", "featured", "report_count", "like_count", "depth", "thread_id", "body_html",
            "badge", "reason", "ip_hash", "commenter_id",
        ] {
            try await sql.raw("ALTER TABLE \(ident: "comments") DROP COLUMN \(ident: column)").run()
        }
        try await database.schema("address_salts").delete()
        try await database.dropIndex("outbox_created_at")
        try await database.schema("outbox").delete()
        try await database.schema("reader_tokens").delete()
        try await database.schema("commenters").delete()
    }
}
