import FluentKit
import Foundation

/// Tags an article with a topic; an article has any number of them.
final class ArticleTopicRecord: Model, @unchecked Sendable {
    static let schema = "article_topics"

    @ID(key: .id) var id: UUID?
    @Parent(key: "article_id") var article: ArticleRecord
    @Parent(key: "topic_id") var topic: TopicRecord

    init() {}

    init(id: UUID, articleID: UUID, topicID: UUID) {
        self.id = id
        $article.id = articleID
        $topic.id = topicID
    }
}
