import FluentKit
import Foundation

/// One author's place in an article's byline; `position` keeps the order the newsroom chose.
final class BylineRecord: Model, @unchecked Sendable {
    static let schema = "bylines"

    @ID(key: .id) var id: UUID?
    @Parent(key: "article_id") var article: ArticleRecord
    @Parent(key: "author_id") var author: AuthorRecord
    @Field(key: "position") var position: Int

    init() {}

    init(id: UUID, articleID: UUID, authorID: UUID, position: Int) {
        self.id = id
        $article.id = articleID
        $author.id = authorID
        self.position = position
    }
}
