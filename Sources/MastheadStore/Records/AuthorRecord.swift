import FluentKit
import Foundation
import MastheadCore

final class AuthorRecord: Model, @unchecked Sendable {
    static let schema = "authors"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "slug") var slug: String
    @Field(key: "bio") var bio: String

    init() {}

    init(_ author: Author) {
        id = author.id
        name = author.name
        slug = author.slug.value
        bio = author.bio
    }

    var author: Author? {
        guard let id, let slug = Slug(slug) else { return nil }
        return Author(id: id, name: name, slug: slug, bio: bio)
    }
}
