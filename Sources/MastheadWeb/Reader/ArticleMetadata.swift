import Foundation
import MastheadCore

/// What machines read from an article page besides its HTML: OpenGraph and Twitter card tags for
/// social previews, and schema.org `NewsArticle` and `BreadcrumbList` JSON-LD for search engines.
struct ArticleMetadata {
    let properties: [MetaTag]
    let names: [MetaTag]
    let jsonLD: String

    init(_ article: Article, site: Site) {
        let settings = site.settings
        let base = settings.baseURL
        let url = ReaderRoute.article(article.slug).url(base: base)
        let published = article.publishedAt ?? Date(timeIntervalSince1970: 0)
        let modified = article.updatedAt ?? published
        let image = article.content.image.map { ReaderRoute.media($0.file).url(base: base) }
        var properties = [
            MetaTag(key: "og:type", content: "article"), MetaTag(key: "og:title", content: article.headline),
            MetaTag(key: "og:description", content: article.lede), MetaTag(key: "og:url", content: url),
            MetaTag(key: "og:site_name", content: settings.name), MetaTag(key: "og:locale", content: settings.language),
            MetaTag(key: "article:published_time", content: TimeLabel.iso8601(published)),
            MetaTag(key: "article:modified_time", content: TimeLabel.iso8601(modified)),
        ]
        if let section = article.primaryTopic?.name {
            properties.append(MetaTag(key: "article:section", content: section))
        }
        for topic in article.content.allTopics { properties.append(MetaTag(key: "article:tag", content: topic.name)) }
        for author in article.authors {
            properties.append(MetaTag(key: "article:author", content: ReaderRoute.author(author.slug).url(base: base)))
        }
        if let image, let picture = article.content.image {
            properties.append(MetaTag(key: "og:image", content: image))
            properties.append(MetaTag(key: "og:image:alt", content: picture.alt))
        }
        self.properties = properties
        names =
            [
                MetaTag(key: "twitter:card", content: image == nil ? "summary" : "summary_large_image"),
                MetaTag(key: "twitter:title", content: article.headline),
                MetaTag(key: "twitter:description", content: article.lede),
            ] + (image.map { [MetaTag(key: "twitter:image", content: $0)] } ?? [])
        var trail = [StructuredData.Link(name: settings.name, url: ReaderRoute.home().url(base: base))]
        if let topic = article.primaryTopic {
            trail.append(StructuredData.Link(name: topic.name, url: ReaderRoute.topic(topic.slug).url(base: base)))
        }
        trail.append(StructuredData.Link(name: article.headline, url: url))
        jsonLD = StructuredData.json(
            StructuredData.ArticleFacts(
                url: url, headline: article.headline, description: article.lede, published: published,
                modified: article.updatedAt,
                authors: article.authors.map { .init(name: $0.name, url: ReaderRoute.author($0.slug).url(base: base)) },
                section: article.primaryTopic?.name, keywords: article.content.allTopics.map(\.name), imageURL: image,
                corrections: article.corrections,
                publisher: .init(name: settings.name, url: ReaderRoute.home().url(base: base)),
                logoURL: base + site.theme.assets.url(for: "logo.png"), breadcrumbs: trail))
    }
}
