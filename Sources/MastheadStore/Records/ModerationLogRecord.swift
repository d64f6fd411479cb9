import FluentKit
import Foundation
import MastheadCore

final class ModerationLogRecord: Model, @unchecked Sendable {
    static let schema = "moderation_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "moderator_id") var moderatorID: UUID
    @Field(key: "moderator_name") var moderatorName: String
    @Field(key: "action") var action: String
    @OptionalField(key: "comment_id") var commentID: UUID?
    @OptionalField(key: "commenter_id") var commenterID: UUID?
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
