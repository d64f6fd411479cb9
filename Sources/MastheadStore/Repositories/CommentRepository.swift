import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// The conversation as stored: pages of threads for readers, queues for moderators, and the facts the
/// moderation pipeline weighs.
public struct CommentRepository: Sendable {
    let database: any Database

    /// Top-level comments per page; the replies shown under them come with them.
    public static let pageSize = 50
    /// Replies fetched under each thread of a page. A thread with more shows the rest behind its
    /// "continue this thread" link, so a thread with thousands of replies costs a page what a small one
    /// does.
    public static let repliesPerThread = 100

    var sql: any SQLDatabase {
        get throws {
            guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
            return sql
        }
    }

    /// Stores a comment; when this returns (and its transaction commits), the comment is on disk.
    public func add(_ comment: Comment, ipHash: String? = nil) async throws {
        try await CommentRecord(comment, ipHash: ipHash).create(on: database)
    }

    public func find(_ id: UUID) async throws -> Comment? {
        try await CommentRows.all(CommentRows.select(try sql).where("id", .equal, SQLBind(id)).limit(1)).first
    }

    /// One page of an article's published conversation: top-level comments in `order` after `cursor`,
    /// with the published replies under them (up to ``repliesPerThread`` each), and the cursor of the next page.
    /// The top-level walk uses an index per order and stops after a page, so the first page of a
    /// 20,000-comment thread reads what a 20-comment one does.
    public func slice(
        onArticle articleID: UUID, order: CommentOrder, after cursor: CommentCursor? = nil,
        limit: Int = pageSize
    ) async throws -> CommentSlice {
        var roots = try await CommentRows.all(
            (try sql).raw(Self.roots(onArticle: articleID, order: order, after: cursor, limit: limit + 1)))
        var next: CommentCursor?
        if roots.count > limit {
            roots.removeLast()
            if let last = roots.last {
                next = CommentCursor(order: order, createdAt: last.createdAt, likeCount: last.likeCount, id: last.id)
            }
        }
        let (replies, truncated) = try await self.replies(
            inThreads: roots.map(\.id), belowDepth: CommentThread.shownDepth + 2)
        return CommentSlice(roots: roots, replies: replies, next: next, truncated: truncated)
    }

    /// An article's published top-level comments in `order` after `cursor`: the walk a page takes, one
    /// index per order (a test reads the plan). Written as SQL text rather than built: it runs on
    /// every article page, and building and serialising the select cost more than reading its rows.
    static func roots(
        onArticle articleID: UUID, order: CommentOrder, after cursor: CommentCursor?, limit: Int
    ) -> SQLQueryString {
        var query: SQLQueryString = """
            SELECT \(CommentRows.qualifiedColumns) FROM "comments" WHERE "article_id" = \(bind: articleID) \
            AND "status" = \(bind: CommentStatus.published.rawValue) AND "depth" = \(bind: 0)
            """
        switch order {
        case .oldest:
            if let cursor { query += #" AND ("created_at", "id") > "# + position(cursor) }
            query += #" ORDER BY "created_at" ASC, "id" ASC"#
        case .newest:
            if let cursor { query += #" AND ("created_at", "id") < "# + position(cursor) }
            query += #" ORDER BY "created_at" DESC, "id" DESC"#
        case .mostLiked:
            if let cursor { query += #" AND ("like_count", "created_at", "id") < "# + position(cursor, likes: true) }
            query += #" ORDER BY "like_count" DESC, "created_at" DESC, "id" DESC"#
        }
        return query + " LIMIT \(literal: limit)"
    }

    /// Where a page of comments starts, as a row value to compare against.
    private static func position(_ cursor: CommentCursor, likes: Bool = false) -> SQLQueryString {
        likes
            ? "(\(bind: cursor.likeCount), \(bind: cursor.createdAt), \(bind: cursor.id))"
            : "(\(bind: cursor.createdAt), \(bind: cursor.id))"
    }

    /// Published replies in the given threads down to (not including) `belowDepth`, oldest first, at
    /// most ``repliesPerThread`` per thread; the threads that had more.
    func replies(inThreads threadIDs: [UUID], belowDepth: Int) async throws -> (
        replies: [Comment], truncated: Set<UUID>
    ) {
        guard !threadIDs.isEmpty else { return ([], []) }
        let columns = CommentRows.columns.joined(separator: ", ")
        let rows = try await (try sql).raw(
            """
            SELECT \(unsafeRaw: columns) FROM (
              SELECT \(unsafeRaw: columns),
                ROW_NUMBER() OVER (PARTITION BY thread_id ORDER BY created_at, id) AS n
              FROM comments
              WHERE thread_id IN \(SQLGroupExpression(threadIDs.map { SQLBind($0) }))
                AND status = \(bind: CommentStatus.published.rawValue) AND depth > 0 AND depth < \(bind: belowDepth)
            ) AS replies WHERE n <= \(bind: Self.repliesPerThread + 1)
            ORDER BY created_at, id
            """
        ).all()
        var replies = try rows.compactMap(CommentRows.comment)
        var perThread: [UUID: Int] = [:]
        for reply in replies { perThread[reply.threadID, default: 0] += 1 }
        let truncated = Set(perThread.filter { $0.value > Self.repliesPerThread }.keys)
        if !truncated.isEmpty {
            var kept: [UUID: Int] = [:]
            replies = replies.filter { reply in
                kept[reply.threadID, default: 0] += 1
                return kept[reply.threadID, default: 0] <= Self.repliesPerThread
            }
        }
        return (replies, truncated)
    }

    /// A comment and the published replies under it, for "continue this thread": the comment as the
    /// root, its replies shown two levels deep again.
    public func subthread(_ id: UUID) async throws -> (root: Comment, replies: [Comment])? {
        guard let root = try await find(id), root.status == .published else { return nil }
        let replies = try await CommentRows.all(
            CommentRows.select(try sql)
                .where("thread_id", .equal, SQLBind(root.threadID))
                .where("status", .equal, SQLBind(CommentStatus.published.rawValue))
                .where("depth", .greaterThan, SQLBind(root.depth))
                .where("depth", .lessThan, SQLBind(root.depth + CommentThread.shownDepth + 2))
                .orderBy("created_at", .ascending).orderBy("id", .ascending)
                .limit(Self.repliesPerThread * 5))
        return (root, replies)
    }

    /// Editor's picks on an article, newest first.
    public func picks(onArticle articleID: UUID, limit: Int = 5) async throws -> [Comment] {
        try await CommentRows.all(
            (try sql).raw(
                """
                SELECT \(CommentRows.qualifiedColumns) FROM "comments" WHERE "article_id" = \(bind: articleID) \
                AND "status" = \(bind: CommentStatus.published.rawValue) AND "featured" = \(bind: true) \
                AND "deleted_at" IS NULL ORDER BY "created_at" DESC LIMIT \(literal: limit)
                """
            ))
    }

    /// A commenter's own comments on an article that readers do not see (held or rejected), so the page
    /// can show them to their author, marked, with the reason.
    public func unpublished(onArticle articleID: UUID, by commenterID: UUID) async throws -> [Comment] {
        try await CommentRows.all(
            CommentRows.select(try sql)
                .where("commenter_id", .equal, SQLBind(commenterID))
                .where("article_id", .equal, SQLBind(articleID))
                .where("status", .notEqual, SQLBind(CommentStatus.published.rawValue))
                .where("deleted_at", .is, SQLLiteral.null)
                .orderBy("created_at", .descending).limit(20))
    }

    /// Every comment a commenter wrote, newest first, for their download.
    public func all(by commenterID: UUID) async throws -> [Comment] {
        try await CommentRows.all(
            CommentRows.select(try sql).where("commenter_id", .equal, SQLBind(commenterID))
                .orderBy("created_at", .descending))
    }

    /// Every comment on an article, whatever its status, oldest first.
    public func all(onArticle articleID: UUID) async throws -> [Comment] {
        try await CommentRows.all(
            CommentRows.select(try sql).where("article_id", .equal, SQLBind(articleID))
                .orderBy("created_at", .ascending).orderBy("id", .ascending))
    }

    /// Which of these comments the commenter has liked.
    public func liked(by commenterID: UUID, among commentIDs: [UUID]) async throws -> Set<UUID> {
        guard !commentIDs.isEmpty else { return [] }
        let rows = try await (try sql).select().column("comment_id").from("comment_likes")
            .where("commenter_id", .equal, SQLBind(commenterID))
            .where("comment_id", .in, SQLBind.group(commentIDs)).all()
        return Set(try rows.map { try $0.decode(column: "comment_id", as: UUID.self) })
    }
}
