import Foundation
import MastheadCore

/// What the APIs send: plain values with absolute URLs, named as the OpenAPI document names them.
struct APITopic: Encodable {
    let slug: String
    let name: String
    let url: String

    init(_ topic: Topic, base: String) {
        slug = topic.slug.value
        name = topic.name
        url = ReaderRoute.topic(topic.slug).url(base: base)
    }
}

struct APIAuthor: Encodable {
    let slug: String
    let name: String
    let bio: String
    let url: String

    init(_ author: Author, base: String) {
        slug = author.slug.value
        name = author.name
        bio = author.bio
        url = ReaderRoute.author(author.slug).url(base: base)
    }
}

struct APIArticleSummary: Encodable {
    let slug: String
    let url: String
    let headline: String
    let lede: String
    let publishedAt: Date?
    let topic: APITopic?

    init(_ story: ArticleSummary, base: String) {
        slug = story.slug.value
        url = ReaderRoute.article(story.slug).url(base: base)
        headline = story.headline
        lede = story.lede
        publishedAt = story.publishedAt
        topic = story.primaryTopic.map { APITopic($0, base: base) }
    }
}

struct APICorrection: Encodable {
    let text: String
    let createdAt: Date
}

struct APIImage: Encodable {
    let url: String
    let alt: String
    let caption: String
    let credit: String
}

/// A story as readers may see it; the Admin API adds where it stands in the workflow.
struct APIArticle: Encodable {
    let id: String
    let slug: String
    let url: String
    let headline: String
    let lede: String
    let bodyHTML: String
    let dateline: String?
    let publishedAt: Date?
    let updatedAt: Date?
    let updateNote: String?
    let topic: APITopic?
    let topics: [APITopic]
    let authors: [APIAuthor]
    let corrections: [APICorrection]
    let image: APIImage?
    /// Admin API only.
    let status: String?
    let version: Int?
    let bodyMarkdown: String?
    let embargoUntil: Date?

    init(_ article: Article, base: String, admin: Bool) {
        id = article.id.lowercasedString
        slug = article.slug.value
        url = ReaderRoute.article(article.slug).url(base: base)
        headline = article.headline
        lede = article.lede
        bodyHTML = article.bodyHTML
        dateline = article.dateline
        publishedAt = article.publishedAt
        updatedAt = article.updatedAt
        updateNote = article.updatedAt == nil ? nil : article.updateNote
        topic = article.primaryTopic.map { APITopic($0, base: base) }
        topics = article.content.allTopics.map { APITopic($0, base: base) }
        authors = article.authors.map { APIAuthor($0, base: base) }
        corrections = article.corrections.map { APICorrection(text: $0.text, createdAt: $0.createdAt) }
        image = article.content.image.map {
            APIImage(
                url: ReaderRoute.media($0.file).url(base: base), alt: $0.alt, caption: $0.caption, credit: $0.credit)
        }
        status = admin ? article.status.rawValue : nil
        version = admin ? article.version : nil
        bodyMarkdown = admin ? article.bodyMarkdown : nil
        embargoUntil = admin ? article.embargoUntil : nil
    }
}
