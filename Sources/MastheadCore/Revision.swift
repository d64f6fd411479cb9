import Foundation

/// One saved state of a story's content: who saved it, when, and which fields changed from the one
/// before. Every save keeps one; restoring one saves its content again as a new revision.
public struct Revision: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var articleID: UUID
    /// The article's version this revision made.
    public var version: Int
    public var content: ArticleContent
    public var savedBy: UUID?
    public var savedByName: String
    public var savedAt: Date
    public var changedFields: [String]

    public init(
        id: UUID, articleID: UUID, version: Int, content: ArticleContent, savedBy: UUID?, savedByName: String,
        savedAt: Date, changedFields: [String]
    ) {
        self.id = id
        self.articleID = articleID
        self.version = version
        self.content = content
        self.savedBy = savedBy
        self.savedByName = savedByName
        self.savedAt = savedAt
        self.changedFields = changedFields
    }
}
