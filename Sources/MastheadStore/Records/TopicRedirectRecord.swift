import FluentKit
import Foundation

final class TopicRedirectRecord: Model, @unchecked Sendable {
    static let schema = "topic_redirects"

    @ID(key: .id) var id: UUID?
    @Field(key: "old_slug") var oldSlug: String
    @Field(key: "topic_id") var topicID: UUID

    init() {}

    init(oldSlug: String, topicID: UUID) {
        id = UUID()
        self.oldSlug = oldSlug
        self.topicID = topicID
    }
}
