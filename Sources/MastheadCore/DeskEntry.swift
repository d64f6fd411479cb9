import Foundation

/// A story as newsroom lists show it: where it stands, and who last saved it when.
public struct DeskEntry: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var slug: Slug
    public var headline: String
    public var status: ArticleStatus
    public var publishedAt: Date?
    public var savedByName: String
    public var savedAt: Date

    public init(
        id: UUID, slug: Slug, headline: String, status: ArticleStatus, publishedAt: Date?, savedByName: String,
        savedAt: Date
    ) {
        self.id = id
        self.slug = slug
        self.headline = headline
        self.status = status
        self.publishedAt = publishedAt
        self.savedByName = savedByName
        self.savedAt = savedAt
    }
}
