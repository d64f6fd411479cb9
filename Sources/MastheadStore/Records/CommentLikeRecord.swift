import FluentKit
import Foundation
import MastheadCore

final class CommentLikeRecord: Model, @unchecked Sendable {
    static let schema = "comment_likes"

    @ID(key: .id) var id: UUID?
    @Field(key: "comment_id") var commentID: UUID
    @Field(key: "commenter_id") var commenterID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
