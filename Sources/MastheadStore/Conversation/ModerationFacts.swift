import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// What the moderation pipeline weighs (``ModerationContext``), read from the database for a whole
/// batch of new comments at once, so every node counts the same comments and a batch of a hundred costs
/// a handful of statements. Comments decided earlier in the same batch count too (``record(_:)``).
struct ModerationFacts {
    /// "Recent" for repeats: the commenter's last ten comments within a day.
    static let repeatLookback: TimeInterval = 86_400
    static let repeatCount = 10

    /// A stored comment's part in later decisions: when it came, and what it said.
    struct Trace {
        var at: Date
        var body: String
    }

    private var byAddress: [String: [Trace]] = [:]
    private var byCommenter: [UUID: [Trace]] = [:]

    /// Reads the recent comments of every address and commenter in `posts`, as of the earliest `now`.
    static func load(
        addresses: Set<String>, commenters: Set<UUID>, since: Date, on sql: any SQLDatabase
    ) async throws -> ModerationFacts {
        var facts = ModerationFacts()
        if !addresses.isEmpty {
            for row in try await recent(sql, key: "ip_hash", values: addresses.map { SQLBind($0) }, since: since) {
                let key = try row.decode(column: "k", as: String.self)
                facts.byAddress[key, default: []].append(try trace(row))
            }
        }
        if !commenters.isEmpty {
            for row in try await recent(sql, key: "commenter_id", values: commenters.map { SQLBind($0) }, since: since)
            {
                let key = try row.decode(column: "k", as: UUID.self)
                facts.byCommenter[key, default: []].append(try trace(row))
            }
        }
        return facts
    }

    /// Each key's comments since `since`, newest first, at most what a rate limit or the repeat check
    /// can use: a busy address's day of comments is not read into memory.
    private static func recent(_ sql: any SQLDatabase, key: String, values: [SQLBind], since: Date) async throws
        -> [any SQLRow]
    {
        try await sql.raw(
            """
            SELECT k, created_at, body FROM (
              SELECT \(ident: key) AS k, created_at, body,
                ROW_NUMBER() OVER (PARTITION BY \(ident: key) ORDER BY created_at DESC) AS n
              FROM comments WHERE \(ident: key) IN \(SQLGroupExpression(values)) AND created_at > \(bind: since)
            ) AS recent WHERE n <= \(literal: 100)
            """
        ).all()
    }

    private static func trace(_ row: any SQLRow) throws -> Trace {
        Trace(
            at: try row.decode(column: "created_at", as: Date.self),
            body: try row.decode(column: "body", as: String.self))
    }

    /// The pipeline's view of one new comment.
    func context(
        body: String, commenter: Commenter?, addressHash: String, articlePreModerated: Bool,
        policy: ModerationPolicy, now: Date
    ) -> ModerationContext {
        func window(_ traces: [Trace], _ limit: RateLimit) -> (count: Int, oldestAge: TimeInterval?) {
            let inside = traces.filter { $0.at > now.addingTimeInterval(-limit.window) }
            return (inside.count, inside.map(\.at).min().map { now.timeIntervalSince($0) })
        }
        func bodies(_ traces: [Trace]) -> [String] {
            traces.filter { $0.at > now.addingTimeInterval(-Self.repeatLookback) }.sorted { $0.at > $1.at }
                .prefix(Self.repeatCount).map(\.body)
        }
        let address = window(byAddress[addressHash] ?? [], policy.perAddressLimit)
        var context = ModerationContext(
            body: body, isGuest: commenter == nil, articlePreModerated: articlePreModerated,
            addressRecentCount: address.count, oldestInAddressWindow: address.oldestAge)
        if let commenter {
            let own = byCommenter[commenter.id] ?? []
            let mine = window(own, policy.perCommenterLimit)
            context.commenterRecentCount = mine.count
            context.oldestInCommenterWindow = mine.oldestAge
            context.commenterBanned = commenter.isBanned(at: now)
            context.commenterPreModerated = commenter.premoderated
            context.approvedComments = commenter.approvedCount
            context.judgedComments = commenter.approvedCount + commenter.rejectedCount
            context.rejectedComments = commenter.rejectedCount
            context.recentBodies = bodies(own)
        } else {
            context.recentBodies = bodies(byAddress[addressHash] ?? [])
        }
        return context
    }

    /// Counts a comment stored earlier in the batch, for the comments after it.
    mutating func record(_ comment: Comment, addressHash: String) {
        let trace = Trace(at: comment.createdAt, body: comment.body)
        byAddress[addressHash, default: []].append(trace)
        if let commenterID = comment.commenterID { byCommenter[commenterID, default: []].append(trace) }
    }
}
