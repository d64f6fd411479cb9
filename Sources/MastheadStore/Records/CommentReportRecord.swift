import FluentKit
import Foundation
import MastheadCore

final class CommentReportRecord: Model, @unchecked Sendable {
    static let schema = "comment_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "comment_id") var commentID: UUID
    @OptionalField(key: "commenter_id") var commenterID: UUID?
    @Field(key: "ip_hash") var ipHash: String
    @Field(key: "reason") var reason: String
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "resolved_at") var resolvedAt: Date?

    init() {}
}
