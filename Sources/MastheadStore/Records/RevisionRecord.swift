import FluentKit
import Foundation
import MastheadCore

final class RevisionRecord: Model, @unchecked Sendable {
    static let schema = "revisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "article_id") var articleID: UUID
    @Field(key: "version") var version: Int
    /// The whole `ArticleContent` as JSON: a revision must restore exactly what was saved, even after
    /// topics or authors are renamed.
    @Field(key: "content") var content: String
    @OptionalField(key: "saved_by") var savedBy: UUID?
    @Field(key: "saved_by_name") var savedByName: String
    @Field(key: "saved_at") var savedAt: Date
    @Field(key: "changed_fields") var changedFields: String

    init() {}

    init(_ revision: Revision) throws {
        id = revision.id
        articleID = revision.articleID
        version = revision.version
        content = String(decoding: try JSONEncoder().encode(revision.content), as: UTF8.self)
        savedBy = revision.savedBy
        savedByName = revision.savedByName
        savedAt = revision.savedAt
        changedFields = revision.changedFields.joined(separator: ",")
    }

    var revision: Revision? {
        guard let id, let content = try? JSONDecoder().decode(ArticleContent.self, from: Data(content.utf8)) else {
            return nil
        }
        return Revision(
            id: id, articleID: articleID, version: version, content: content, savedBy: savedBy,
            savedByName: savedByName, savedAt: savedAt,
            changedFields: changedFields.split(separator: ",").map(String.init))
    }
}
