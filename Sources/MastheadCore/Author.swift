import Foundation

/// A person who writes for the site and appears in bylines.
public struct Author: Sendable, Equatable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var name: String
    public var slug: Slug
    public var bio: String

    public init(id: UUID, name: String, slug: Slug, bio: String = "") {
        self.id = id
        self.name = name
        self.slug = slug
        self.bio = bio
    }
}
