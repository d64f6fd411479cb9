import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// RSS, Atom and JSON Feed for the site, each topic and each author: the newest 20 stories, whole or
/// as ledes (a site setting), with corrections noted.
struct FeedController {
    let site: Site

    static let length = 20

    func register(on router: some RouterMethods<AppRequestContext>) {
        for format in FeedFormat.allCases {
            router.get(ReaderRoute.Pattern.siteFeed(format)) { request, _ in
                try await Self(site: site.reading(request)).siteFeed(format, request: request)
            }
            router.get(ReaderRoute.Pattern.topicFeed(format)) { request, context in
                try await Self(site: site.reading(request)).topicFeed(format, request: request, context: context)
            }
            router.get(ReaderRoute.Pattern.authorFeed(format)) { request, context in
                try await Self(site: site.reading(request)).authorFeed(format, request: request, context: context)
            }
            for pattern in [
                ReaderRoute.Pattern.siteFeed(format), ReaderRoute.Pattern.topicFeed(format),
                ReaderRoute.Pattern.authorFeed(format),
            ] {
                router.allowOnly([.get], on: pattern)
            }
        }
    }

    func siteFeed(_ format: FeedFormat, request: Request) async throws -> Response {
        let settings = site.settings
        return try await respond(
            format, scope: .site, title: settings.name, description: "The latest news from \(settings.name).",
            page: .home(), feed: .siteFeed(format), request: request)
    }

    func topicFeed(_ format: FeedFormat, request: Request, context: AppRequestContext) async throws -> Response {
        guard let slug = context.slugParameter, let topic = try await site.store.topics.find(slug: slug) else {
            throw HTTPError(.notFound)
        }
        return try await respond(
            format, scope: .topic(topic.id), title: "\(topic.name) – \(site.settings.name)",
            description: "Stories about \(topic.name).", page: .topic(slug), feed: .topicFeed(slug, format),
            request: request)
    }

    func authorFeed(_ format: FeedFormat, request: Request, context: AppRequestContext) async throws -> Response {
        guard let slug = context.slugParameter, let author = try await site.store.authors.find(slug: slug) else {
            throw HTTPError(.notFound)
        }
        return try await respond(
            format, scope: .author(author.id), title: "\(author.name) – \(site.settings.name)",
            description: author.bio.isEmpty ? "Stories by \(author.name)." : author.bio, page: .author(slug),
            feed: .authorFeed(slug, format), request: request)
    }

    private func respond(
        _ format: FeedFormat, scope: ArticleRepository.FeedScope, title: String, description: String, page: ReaderRoute,
        feed route: ReaderRoute, request: Request
    ) async throws -> Response {
        let settings = site.settings
        let stories = try await site.store.articles.feed(scope, now: site.clock.now, limit: Self.length)
        let items = stories.map { SyndicationItem($0, base: settings.baseURL, fullText: settings.feedFullText) }
        let feed = SyndicationFeed(
            title: title, description: description, pageURL: page.url(base: settings.baseURL),
            feedURL: route.url(base: settings.baseURL), language: settings.language,
            updated: items.map(\.lastChanged).max(), items: items)
        let body: String
        switch format {
        case .rss: body = FeedWriter.rss(feed)
        case .atom: body = FeedWriter.atom(feed)
        case .json: body = FeedWriter.json(feed)
        }
        return ConditionalResponse.make(
            body, contentType: format.contentType, lastModified: feed.updated, request: request
        ).cached(as: SurrogateKeys.list(stories.map(\.id)))
    }
}

extension SyndicationItem {
    init(_ article: Article, base: String, fullText: Bool) {
        self.init(
            url: ReaderRoute.article(article.slug).url(base: base), title: article.headline, summary: article.lede,
            contentHTML: fullText ? article.bodyHTML : nil, published: article.publishedAt ?? .distantPast,
            updated: article.updatedAt,
            authors: article.authors.map { Person(name: $0.name, url: ReaderRoute.author($0.slug).url(base: base)) },
            categories: article.content.allTopics.map(\.name), corrections: article.corrections,
            imageURL: article.content.image.map { ReaderRoute.media($0.file).url(base: base) })
    }
}
