import Foundation

/// What posting to a story's conversation needs to know about the story: which it is, when it was
/// published and how its conversation is set. A comment is checked against this, read in one
/// statement, rather than against the whole article with its topics, byline and corrections.
public struct ConversationTarget: Sendable, Equatable {
    public var id: UUID
    public var slug: Slug
    public var publishedAt: Date?
    public var conversation: ConversationSettings

    public init(id: UUID, slug: Slug, publishedAt: Date?, conversation: ConversationSettings) {
        self.id = id
        self.slug = slug
        self.publishedAt = publishedAt
        self.conversation = conversation
    }

    public init(_ article: Article) {
        self.init(
            id: article.id, slug: article.slug, publishedAt: article.publishedAt, conversation: article.conversation)
    }
}
