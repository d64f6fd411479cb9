import Foundation
import MastheadCore

/// The article page: the story, Read next, then the conversation.
struct ArticlePage: PageContext {
    static let template = "article"

    let layout: LayoutContext
    let headline: String
    let lede: String
    let bodyHTML: String
    let topic: TopicLink?
    let topics: [TopicLink]
    let hasTopics: Bool
    let byline: [AuthorLink]
    let hasByline: Bool
    let dateline: String?
    let publishedLabel: String
    let isoPublished: String
    let updatedLabel: String?
    let isoUpdated: String?
    let updateNote: String?
    let image: ImageView?
    let corrections: [CorrectionView]
    let hasCorrections: Bool
    let readNext: [ArticleTeaser]
    let hasReadNext: Bool
    let discovery: ArticleDiscoveryContext
    let conversation: ConversationContext

    init(
        article: Article, readNext: [ArticleSummary], conversation: ConversationContext.Input,
        discovery: ArticleDiscovery, site: Site, now: Date
    ) {
        let zone = site.settings.timeZone
        let metadata = ArticleMetadata(article, site: site)
        layout = site.layout(
            title: article.headline, description: article.lede, route: .article(article.slug),
            metaProperties: metadata.properties, metaNames: metadata.names, jsonLD: metadata.jsonLD)
        headline = article.headline
        lede = article.lede
        bodyHTML = article.bodyHTML
        topic = article.primaryTopic.map(TopicLink.init)
        topics = article.topics.map(TopicLink.init)
        hasTopics = !article.topics.isEmpty
        byline = zip(Byline.separators(count: article.authors.count), article.authors).map { joiner, author in
            AuthorLink(name: author.name, url: ReaderRoute.author(author.slug).path, joiner: joiner)
        }
        hasByline = !article.authors.isEmpty
        dateline = article.dateline
        let published = article.publishedAt ?? now
        publishedLabel = TimeLabel.full(for: published, timeZone: zone)
        isoPublished = TimeLabel.iso8601(published)
        updatedLabel = article.updatedAt.map { TimeLabel.full(for: $0, timeZone: zone) }
        isoUpdated = article.updatedAt.map(TimeLabel.iso8601)
        updateNote = article.updatedAt == nil ? nil : article.updateNote
        image = article.content.image.map(ImageView.init)
        corrections = article.corrections.map {
            CorrectionView(
                text: $0.text, label: TimeLabel.full(for: $0.createdAt, timeZone: zone),
                isoTime: TimeLabel.iso8601($0.createdAt))
        }
        hasCorrections = !article.corrections.isEmpty
        self.readNext = readNext.map { ArticleTeaser($0, now: now, timeZone: zone) }
        hasReadNext = !readNext.isEmpty
        self.discovery = ArticleDiscoveryContext(discovery)
        self.conversation = ConversationContext(conversation, site: site, now: now)
    }
}
