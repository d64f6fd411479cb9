import FluentKit
import Foundation
import MastheadCore

final class CorrectionRecord: Model, @unchecked Sendable {
    static let schema = "corrections"

    @ID(key: .id) var id: UUID?
    @Parent(key: "article_id") var article: ArticleRecord
    @Field(key: "text") var text: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ correction: Correction, articleID: UUID) {
        id = correction.id
        $article.id = articleID
        text = correction.text
        createdAt = correction.createdAt
    }

    var correction: Correction? {
        id.map { Correction(id: $0, text: text, createdAt: createdAt) }
    }
}
