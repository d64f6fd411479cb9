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

/// A statement attributed to a person, as the article page's "Who said what" box and the person's
/// page show it.
public struct QuotedStatement: Sendable, Equatable {
    public var speaker: Entity
    public var text: String
    public var story: StorySummary

    public init(speaker: Entity, text: String, story: StorySummary) {
        self.speaker = speaker
        self.text = text
        self.story = story
    }
}
