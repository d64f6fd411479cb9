import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// Gathers what the moderation pipeline weighs (``ModerationContext``) from the database, so every
/// node counts the same comments: rate limits and the trust ladder live in rows, not in memory.
struct ModerationFacts {
    let database: any Database

    /// "Recent" for repeats: the commenter's last ten comments within a day.
    static let repeatLookback: TimeInterval = 86_400
    static let repeatCount = 10

    func context(
        body: String, commenter: Commenter?, addressHash: String, articlePreModerated: Bool,
        policy: ModerationPolicy, now: Date
    ) async throws -> ModerationContext {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        let byAddress = try await window(
            sql, column: "ip_hash", value: SQLBind(addressHash),
            since: now.addingTimeInterval(-policy.perAddressLimit.window))
        var context = ModerationContext(
            body: body, isGuest: commenter == nil, articlePreModerated: articlePreModerated,
            addressRecentCount: byAddress.count,
            oldestInAddressWindow: byAddress.oldest.map { now.timeIntervalSince($0) })
        let recentBodies: SQLSelectBuilder
        if let commenter {
            let byCommenter = try await window(
                sql, column: "commenter_id", value: SQLBind(commenter.id),
                since: now.addingTimeInterval(-policy.perCommenterLimit.window))
            context.commenterRecentCount = byCommenter.count
            context.oldestInCommenterWindow = byCommenter.oldest.map { now.timeIntervalSince($0) }
            context.commenterBanned = commenter.isBanned(at: now)
            context.commenterPreModerated = commenter.premoderated
            context.approvedComments = commenter.approvedCount
            context.judgedComments = commenter.approvedCount + commenter.rejectedCount
            context.rejectedComments = commenter.rejectedCount
            recentBodies = sql.select().column("body").from("comments")
                .where("commenter_id", .equal, SQLBind(commenter.id))
        } else {
            recentBodies = sql.select().column("body").from("comments").where("ip_hash", .equal, SQLBind(addressHash))
        }
        context.recentBodies =
            try await recentBodies
            .where("created_at", .greaterThan, SQLBind(now.addingTimeInterval(-Self.repeatLookback)))
            .orderBy("created_at", .descending).limit(Self.repeatCount)
            .all().map { try $0.decode(column: "body", as: String.self) }
        return context
    }

    /// How many comments `column` = `value` stored since `since`, and when the oldest of them came.
    private func window(_ sql: any SQLDatabase, column: String, value: SQLBind, since: Date) async throws -> (
        count: Int, oldest: Date?
    ) {
        let row = try await sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("MIN", args: SQLColumn("created_at")), as: "oldest")
            .from("comments")
            .where(SQLColumn(column), .equal, value)
            .where("created_at", .greaterThan, SQLBind(since))
            .first()
        guard let row else { return (0, nil) }
        return (try row.decode(column: "n", as: Int.self), try row.decode(column: "oldest", as: Date?.self))
    }
}
