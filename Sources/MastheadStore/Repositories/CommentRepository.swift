import FluentKit
import Foundation
import MastheadCore

public struct CommentRepository: Sendable {
    let database: any Database

    /// The most comments one article page shows; threads past it wait for comment pagination.
    public static let pageLimit = 1_000

    /// Stores a comment; when this returns, the comment is on disk.
    public func add(_ comment: Comment) async throws {
        try await CommentRecord(comment).create(on: database)
    }

    /// The conversation under an article as readers see it: published comments, oldest first.
    public func published(onArticle articleID: UUID) async throws -> [Comment] {
        try await CommentRecord.query(on: database)
            .filter(\.$article.$id == articleID)
            .filter(\.$status == CommentStatus.published.rawValue)
            .sort(\.$createdAt, .ascending).sort(\.$id, .ascending)
            .limit(Self.pageLimit)
            .all()
            .compactMap(\.comment)
    }

    /// Comments waiting for a moderator, oldest first (the longest wait is served first), each with the
    /// story it is on.
    public func pending(limit: Int = 200) async throws -> [(comment: Comment, story: StorySummary)] {
        try await CommentRecord.query(on: database)
            .filter(\.$status == CommentStatus.pending.rawValue)
            .with(\.$article)
            .sort(\.$createdAt, .ascending).sort(\.$id, .ascending)
            .limit(limit)
            .all()
            .compactMap { record in
                guard let comment = record.comment, let article = record.$article.value, let id = article.id,
                    let slug = Slug(article.slug), let status = ArticleStatus(rawValue: article.status)
                else { return nil }
                return (
                    comment,
                    StorySummary(
                        id: id, slug: slug, headline: article.headline, lede: article.lede, status: status,
                        publishedAt: article.publishedAt)
                )
            }
    }

    /// Every comment on an article, whatever its status, oldest first.
    public func all(onArticle articleID: UUID) async throws -> [Comment] {
        try await CommentRecord.query(on: database)
            .filter(\.$article.$id == articleID)
            .sort(\.$createdAt, .ascending)
            .all()
            .compactMap(\.comment)
    }
}
