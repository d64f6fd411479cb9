import FluentKit
import Foundation

final class ArticleRedirectRecord: Model, @unchecked Sendable {
    static let schema = "article_redirects"

    @ID(key: .id) var id: UUID?
    @Field(key: "old_slug") var oldSlug: String
    @Field(key: "article_id") var articleID: UUID

    init() {}

    init(oldSlug: String, articleID: UUID) {
        id = UUID()
        self.oldSlug = oldSlug
        self.articleID = articleID
    }
}
