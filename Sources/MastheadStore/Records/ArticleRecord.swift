import FluentKit
import Foundation
import MastheadCore

final class ArticleRecord: Model, @unchecked Sendable {
    static let schema = "articles"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "headline") var headline: String
    @Field(key: "lede") var lede: String
    @Field(key: "body_markdown") var bodyMarkdown: String
    @Field(key: "body_html") var bodyHTML: String
    @OptionalField(key: "dateline") var dateline: String?
    @Field(key: "status") var status: String
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "updated_at") var updatedAt: Date?
    @OptionalParent(key: "primary_topic_id") var primaryTopic: TopicRecord?
    @Children(for: \.$article) var topicLinks: [ArticleTopicRecord]
    @Children(for: \.$article) var bylines: [BylineRecord]

    init() {}

    /// The article as MastheadCore sees it. Relations that were not eager-loaded come back empty,
    /// so list queries load only the primary topic and pay for nothing else.
    var article: Article? {
        guard let id, let slug = Slug(slug), let status = ArticleStatus(rawValue: status) else { return nil }
        let topics = $topicLinks.value?.compactMap { $0.$topic.value?.topic } ?? []
        let authors = ($bylines.value ?? []).sorted { $0.position < $1.position }.compactMap {
            $0.$author.value?.author
        }
        return Article(
            id: id, slug: slug, headline: headline, lede: lede, bodyMarkdown: bodyMarkdown, bodyHTML: bodyHTML,
            dateline: dateline, status: status, publishedAt: publishedAt, updatedAt: updatedAt,
            primaryTopic: $primaryTopic.value??.topic, topics: topics.sorted { $0.name < $1.name },
            authors: authors)
    }
}
