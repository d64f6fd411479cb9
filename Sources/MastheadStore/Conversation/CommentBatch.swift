import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// New comments decided and stored together, in one transaction: their parents, the facts the pipeline
/// weighs, the staff among their authors, then every comment in one insert and every event in another.
/// A batch of one is an ordinary post; under load a batch holds the posts that arrived while the
/// previous one was being written, so the cost of a statement is shared by all of them.
struct CommentBatch {
    typealias Post = (new: CommentActions.NewComment, policy: ModerationPolicy, now: Date)

    let posts: [Post]

    func write(_ tx: StoreTransaction) async throws -> [Result<CommentActions.Outcome, ActionError>] {
        guard let sql = tx.database as? any SQLDatabase else { throw StoreError.notSQL }
        let parents = try await self.parents(sql)
        var facts = try await ModerationFacts.load(
            addresses: Set(posts.map(\.new.addressHash)), commenters: Set(posts.compactMap(\.new.commenter?.id)),
            since: (posts.map(\.now).min() ?? Date()).addingTimeInterval(-ModerationFacts.repeatLookback), on: sql)
        let badges = try await self.badges(sql)

        var results: [Result<CommentActions.Outcome, ActionError>] = []
        var stored: [(comment: Comment, addressHash: String)] = []
        for post in posts {
            let new = post.new
            var parent: Comment?
            if let parentID = new.parentID {
                guard let found = parents[parentID], found.articleID == new.article.id, found.status == .published,
                    !found.isDeleted
                else {
                    results.append(.failure(.notFound("The comment you replied to is no longer there.")))
                    continue
                }
                parent = found
            }
            let context = facts.context(
                body: new.body, commenter: new.commenter, addressHash: new.addressHash,
                articlePreModerated: new.article.conversation.preModerated, policy: post.policy, now: post.now)
            let status: CommentStatus
            var reason: ModerationReason?
            switch ModerationPipeline.decide(context, policy: post.policy) {
            case .rateLimited(let wait):
                results.append(.success(.rateLimited(retryAfter: Int(wait.rounded(.up)))))
                continue
            case .reject(.commenterBanned):
                results.append(
                    .success(.banned(until: new.commenter?.bannedUntil ?? post.now, reason: new.commenter?.banReason)))
                continue
            case .reject(let why):
                status = .rejected
                reason = why
            case .hold(let why):
                status = .pending
                reason = why
            case .publish:
                status = .published
            }
            // Whole seconds, so that a page's cursor compares equal to the stored time on both databases.
            let comment = Comment(
                id: UUID(), articleID: new.article.id, parentID: parent?.id, threadID: parent?.threadID,
                depth: (parent?.depth ?? -1) + 1, commenterID: new.commenter?.id, displayName: new.displayName,
                body: new.body, status: status, reason: reason,
                badge: new.commenter.flatMap { badges[$0.id]?(new.article.id) }, createdAt: post.now.wholeSeconds)
            facts.record(comment, addressHash: new.addressHash)
            stored.append((comment, new.addressHash))
            switch status {
            case .published: results.append(.success(.published(comment)))
            case .rejected: results.append(.success(.rejected(comment)))
            default: results.append(.success(.held(comment)))
            }
        }
        guard !stored.isEmpty else { return results }
        try await insert(stored, sql)
        try await CommentCounts.added(stored.map(\.comment), on: sql)
        try await tx.record(
            stored.map { entry in
                let comment = entry.comment
                let name: DomainEvent.Name =
                    switch comment.status {
                    case .published: .commentPublished
                    case .rejected: .commentRejected
                    default: .commentHeld
                    }
                return DomainEvent.about(comment, name, actorID: comment.commenterID, occurredAt: comment.createdAt)
            })
        return results
    }

    private func parents(_ sql: any SQLDatabase) async throws -> [UUID: Comment] {
        let ids = Set(posts.compactMap(\.new.parentID))
        guard !ids.isEmpty else { return [:] }
        let found = try await CommentRows.all(CommentRows.select(sql).where("id", .in, SQLBind.group(Array(ids))))
        return Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
    }

    /// Staff who comment with their newsroom address carry a badge; the story's own authors, "Author".
    /// Answers, per commenter, the badge they carry on a given story.
    private func badges(_ sql: any SQLDatabase) async throws -> [UUID: (UUID) -> CommenterBadge] {
        let readers = posts.compactMap(\.new.commenter).filter(\.isVerified)
        guard !readers.isEmpty else { return [:] }
        let staff = try await sql.select().columns("email", "author_id").from("staff_accounts")
            .where("email", .in, SQLBind.group(Array(Set(readers.map(\.email))))).all()
        guard !staff.isEmpty else { return [:] }
        var authorOf: [String: UUID?] = [:]
        for row in staff {
            authorOf[try row.decode(column: "email", as: String.self)] = try row.decode(
                column: "author_id", as: UUID?.self)
        }
        let authorIDs = authorOf.values.compactMap { $0 }
        var bylines: Set<[UUID]> = []
        if !authorIDs.isEmpty {
            let rows = try await sql.select().columns("article_id", "author_id").from("bylines")
                .where("author_id", .in, SQLBind.group(authorIDs))
                .where("article_id", .in, SQLBind.group(Array(Set(posts.map(\.new.article.id))))).all()
            for row in rows {
                bylines.insert([
                    try row.decode(column: "article_id", as: UUID.self),
                    try row.decode(column: "author_id", as: UUID.self),
                ])
            }
        }
        var badges: [UUID: (UUID) -> CommenterBadge] = [:]
        for reader in readers {
            guard let entry = authorOf[reader.email] else { continue }
            let found = bylines
            badges[reader.id] = { article in
                if let author = entry, found.contains([article, author]) { return .author }
                return .staff
            }
        }
        return badges
    }

    private func insert(_ stored: [(comment: Comment, addressHash: String)], _ sql: any SQLDatabase) async throws {
        let columns = [
            "id", "article_id", "parent_id", "thread_id", "depth", "commenter_id", "ip_hash", "display_name", "body",
            "body_html", "status", "reason", "badge", "like_count", "report_count", "featured", "created_at",
        ]
        var insert = sql.insert(into: "comments").columns(columns)
        for (comment, hash) in stored {
            insert = insert.values([
                SQLBind(comment.id), SQLBind(comment.articleID), SQLBind(comment.parentID), SQLBind(comment.threadID),
                SQLBind(comment.depth), SQLBind(comment.commenterID), SQLBind(hash), SQLBind(comment.displayName),
                SQLBind(comment.body), SQLBind(comment.bodyHTML), SQLBind(comment.status.rawValue),
                SQLBind(comment.reason?.rawValue), SQLBind(comment.badge?.rawValue), SQLBind(comment.likeCount),
                SQLBind(comment.reportCount), SQLBind(comment.featured), SQLBind(comment.createdAt),
            ])
        }
        try await insert.run()
    }
}
