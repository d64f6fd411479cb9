/// A category or tag (`<wp:category>`, `<wp:tag>`, or `<wp:term>` with its taxonomy).
public struct WordPressTerm: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case category
        case tag = "post_tag"
    }

    public let kind: Kind
    /// The term's slug, as in the old `/category/SLUG/` and `/tag/SLUG/` addresses.
    public let slug: String
    /// The name, with the HTML escaping WordPress stores it with decoded once (`Arts & Culture`).
    public let name: String
    /// The parent category's slug; nil for a top-level category and for tags.
    public let parentSlug: String?
    public let description: String
}
