import FluentKit
import Foundation
import MastheadCore

final class CommentRecord: Model, @unchecked Sendable {
    static let schema = "comments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "article_id") var article: ArticleRecord
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "display_name") var displayName: String
    @Field(key: "body") var body: String
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ comment: Comment) {
        id = comment.id
        $article.id = comment.articleID
        parentID = comment.parentID
        displayName = comment.displayName
        body = comment.body
        status = comment.status.rawValue
        createdAt = comment.createdAt
    }

    var comment: Comment? {
        guard let id, let status = CommentStatus(rawValue: status) else { return nil }
        return Comment(
            id: id, articleID: $article.id, parentID: parentID, displayName: displayName, body: body,
            status: status, createdAt: createdAt)
    }
}
