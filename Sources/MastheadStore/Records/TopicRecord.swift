import FluentKit
import Foundation
import MastheadCore

final class TopicRecord: Model, @unchecked Sendable {
    static let schema = "topics"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "slug") var slug: String

    init() {}

    init(_ topic: Topic) {
        id = topic.id
        name = topic.name
        slug = topic.slug.value
    }

    var topic: Topic? {
        guard let id, let slug = Slug(slug) else { return nil }
        return Topic(id: id, name: name, slug: slug)
    }
}
