import FluentKit
import Foundation
import MastheadCore

/// A comment as the write layer stores it. Reading for pages goes through ``CommentRows`` instead, which
/// decodes rows straight into ``Comment`` without model reflection.
final class CommentRecord: Model, @unchecked Sendable {
    static let schema = "comments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "article_id") var article: ArticleRecord
    @OptionalField(key: "parent_id") var parentID: UUID?
    @OptionalField(key: "thread_id") var threadID: UUID?
    @Field(key: "depth") var depth: Int
    @OptionalField(key: "commenter_id") var commenterID: UUID?
    @OptionalField(key: "ip_hash") var ipHash: String?
    @Field(key: "display_name") var displayName: String
    @Field(key: "body") var body: String
    @Field(key: "body_html") var bodyHTML: String
    @Field(key: "status") var status: String
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "badge") var badge: String?
    @Field(key: "like_count") var likeCount: Int
    @Field(key: "report_count") var reportCount: Int
    @Field(key: "featured") var featured: Bool
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "edited_at") var editedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}

    init(_ comment: Comment, ipHash: String?) {
        id = comment.id
        $article.id = comment.articleID
        parentID = comment.parentID
        threadID = comment.threadID
        depth = comment.depth
        commenterID = comment.commenterID
        self.ipHash = ipHash
        displayName = comment.displayName
        body = comment.body
        bodyHTML = comment.bodyHTML
        status = comment.status.rawValue
        reason = comment.reason?.rawValue
        badge = comment.badge?.rawValue
        likeCount = comment.likeCount
        reportCount = comment.reportCount
        featured = comment.featured
        createdAt = comment.createdAt
        editedAt = comment.editedAt
        deletedAt = comment.deletedAt
    }

    var comment: Comment? {
        guard let id, let status = CommentStatus(rawValue: status) else { return nil }
        return Comment(
            id: id, articleID: $article.id, parentID: parentID, threadID: threadID ?? id, depth: depth,
            commenterID: commenterID, displayName: displayName, body: body, bodyHTML: bodyHTML, status: status,
            reason: reason.flatMap(ModerationReason.init(rawValue:)), badge: badge.flatMap(CommenterBadge.init),
            likeCount: likeCount, reportCount: reportCount, featured: featured, createdAt: createdAt,
            editedAt: editedAt, deletedAt: deletedAt)
    }
}
