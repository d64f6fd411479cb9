import Foundation

/// A person, place or organisation the site's stories name, with a page of its own
/// (`/people/john-coale`). Editors correct the list: rename, merge, delete, or mark "not an entity".
public struct Entity: Sendable, Equatable, Hashable, Identifiable {
    public var id: UUID
    public var kind: EntityKind
    public var name: String
    public var slug: Slug

    public init(id: UUID, kind: EntityKind, name: String, slug: Slug) {
        self.id = id
        self.kind = kind
        self.name = name
        self.slug = slug
    }

    /// The entity's page, relative to the site.
    public var path: String { "/\(kind.pathSegment)/\(slug.value)" }
}
