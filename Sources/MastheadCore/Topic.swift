import Foundation

/// A running story or subject that groups articles ("US Tariffs").
public struct Topic: Sendable, Equatable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var name: String
    public var slug: Slug

    public init(id: UUID, name: String, slug: Slug) {
        self.id = id
        self.name = name
        self.slug = slug
    }
}
