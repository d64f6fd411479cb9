/// A `<wp:author>`: someone who wrote posts on the old site.
public struct WordPressAuthor: Sendable, Equatable {
    public let id: Int?
    /// What `<dc:creator>` names posts by, and the old `/author/LOGIN/` address.
    public let login: String
    public let email: String
    public let displayName: String
}
