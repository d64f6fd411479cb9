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
    /// Derived from `status` by ``setStatus(_:)``; see `M008AddArticleWorkflow`.
    @Field(key: "live") var live: Bool
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "updated_at") var updatedAt: Date?
    @OptionalField(key: "update_note") var updateNote: String?
    @OptionalField(key: "embargo_until") var embargoUntil: Date?
    @Field(key: "version") var version: Int
    @OptionalField(key: "created_by") var createdBy: UUID?
    @OptionalField(key: "image_file") var imageFile: String?
    @OptionalField(key: "image_alt") var imageAlt: String?
    @OptionalField(key: "image_caption") var imageCaption: String?
    @OptionalField(key: "image_credit") var imageCredit: String?
    @Field(key: "comments_mode") var commentsMode: String
    @Field(key: "comments_premoderated") var commentsPreModerated: Bool
    /// Written only by ``CommentCounts``, in SQL. Fluent saves only the fields a change set, so saving a
    /// story never overwrites a newer count.
    @Field(key: "comment_count") var commentCount: Int
    @OptionalParent(key: "primary_topic_id") var primaryTopic: TopicRecord?
    @Children(for: \.$article) var topicLinks: [ArticleTopicRecord]
    @Children(for: \.$article) var bylines: [BylineRecord]
    @Children(for: \.$article) var corrections: [CorrectionRecord]

    init() {}

    func setStatus(_ newStatus: ArticleStatus) {
        status = newStatus.rawValue
        live = Visibility.visibleStatuses.contains(newStatus)
    }

    /// Copies the content's own fields; topics and bylines are rows of their own.
    func apply(_ content: ArticleContent) {
        slug = content.slug.value
        headline = content.headline
        lede = content.lede
        bodyMarkdown = content.bodyMarkdown
        bodyHTML = ArticleBody.html(fromMarkdown: content.bodyMarkdown)
        dateline = content.dateline
        $primaryTopic.id = content.primaryTopic?.id
        imageFile = content.image?.file
        imageAlt = content.image?.alt
        imageCaption = content.image?.caption
        imageCredit = content.image?.credit
    }

    var image: FeatureImage? {
        guard let imageFile else { return nil }
        return FeatureImage(
            file: imageFile, alt: imageAlt ?? "", caption: imageCaption ?? "", credit: imageCredit ?? "")
    }

    /// The article as MastheadCore sees it. Relations that were not eager-loaded come back empty,
    /// so list queries load only the primary topic and pay for nothing else.
    var article: Article? {
        guard let id, let slug = Slug(slug), let status = ArticleStatus(rawValue: status) else { return nil }
        let topics = $topicLinks.value?.compactMap { $0.$topic.value?.topic } ?? []
        let authors = ($bylines.value ?? []).sorted { $0.position < $1.position }.compactMap {
            $0.$author.value?.author
        }
        let corrections = ($corrections.value ?? []).compactMap(\.correction).sorted {
            ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString)
        }
        let content = ArticleContent(
            slug: slug, headline: headline, lede: lede, bodyMarkdown: bodyMarkdown, dateline: dateline,
            primaryTopic: $primaryTopic.value??.topic, topics: topics.sorted { $0.name < $1.name }, authors: authors,
            image: image)
        return Article(
            id: id, content: content, bodyHTML: bodyHTML, status: status, publishedAt: publishedAt,
            updatedAt: updatedAt, updateNote: updateNote, embargoUntil: embargoUntil, version: version,
            corrections: corrections,
            conversation: ConversationSettings(
                mode: ConversationSettings.Mode(rawValue: commentsMode) ?? .timed, preModerated: commentsPreModerated),
            commentCount: commentCount)
    }
}
