import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// The sitemap index, article sitemaps of at most 50,000 addresses, topic and author sitemaps, the
/// Google News sitemap of the last 48 hours, and a robots.txt that names the index.
struct SitemapController {
    let site: Site

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get(ReaderRoute.Pattern.sitemapIndex) { request, context in
            try await Self(site: site.reading(request)).index(request, context: context)
        }
        router.get(ReaderRoute.Pattern.sitemap) { request, context in
            try await Self(site: site.reading(request)).sitemap(request, context: context)
        }
        router.get(ReaderRoute.Pattern.robots, use: robots)
        for pattern in [ReaderRoute.Pattern.sitemapIndex, ReaderRoute.Pattern.sitemap, ReaderRoute.Pattern.robots] {
            router.allowOnly([.get], on: pattern)
        }
    }

    static let newsWindow: TimeInterval = 48 * 3_600
    /// Google News reads at most 1,000 stories from its sitemap.
    static let newsLimit = 1_000

    func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let base = site.settings.baseURL
        let count = try await site.store.articles.visibleCount(now: site.clock.now)
        let pages = max(1, (count + SitemapWriter.maximumURLs - 1) / SitemapWriter.maximumURLs)
        let names = (1...pages).map { "articles-\($0).xml" } + ["topics.xml", "authors.xml", "news.xml"]
        let body = SitemapWriter.index(
            names.map { .init(url: ReaderRoute.sitemap($0).url(base: base), lastModified: nil) })
        return ConditionalResponse.make(body, contentType: Self.xml, lastModified: nil, request: request)
            .cached(as: SurrogateKeys.header([CacheKey.lists, CacheKey.sitemap, CacheKey.taxonomy]))
    }

    func sitemap(_ request: Request, context: AppRequestContext) async throws -> Response {
        let base = site.settings.baseURL
        let now = site.clock.now
        let name = context.parameters.get("name") ?? ""
        let body: String
        switch name {
        case "topics.xml":
            body = SitemapWriter.urlSet(
                try await site.store.topics.all().map {
                    .init(url: ReaderRoute.topic($0.slug).url(base: base), lastModified: nil)
                })
        case "authors.xml":
            body = SitemapWriter.urlSet(
                try await site.store.authors.all().map {
                    .init(url: ReaderRoute.author($0.slug).url(base: base), lastModified: nil)
                })
        case "news.xml":
            let recent = try await site.store.articles.published(
                since: now.addingTimeInterval(-Self.newsWindow), now: now, limit: Self.newsLimit)
            body = SitemapWriter.news(
                recent.map {
                    .init(
                        url: ReaderRoute.article($0.slug).url(base: base), title: $0.headline, published: $0.published)
                },
                publication: site.settings.name, language: site.settings.language)
        default:
            guard let page = Self.articlePage(name) else { throw HTTPError(.notFound) }
            let entries = try await site.store.articles.sitemapPage(page - 1, size: SitemapWriter.maximumURLs, now: now)
            guard !entries.isEmpty || page == 1 else { throw HTTPError(.notFound) }
            body = SitemapWriter.urlSet(
                entries.map { .init(url: ReaderRoute.article($0.slug).url(base: base), lastModified: $0.lastModified) })
        }
        return ConditionalResponse.make(body, contentType: Self.xml, lastModified: nil, request: request)
            .cached(as: SurrogateKeys.header([CacheKey.lists, CacheKey.sitemap, CacheKey.taxonomy]))
    }

    func robots(_ request: Request, context: AppRequestContext) async throws -> Response {
        let base = site.settings.baseURL
        let body = """
            User-agent: *
            Disallow: /newsroom
            Allow: /

            Sitemap: \(ReaderRoute.sitemapIndex.url(base: base))
            Sitemap: \(ReaderRoute.sitemap("news.xml").url(base: base))

            """
        return ConditionalResponse.make(
            body, contentType: "text/plain; charset=utf-8", lastModified: nil, request: request, maxAge: 3_600)
    }

    static let xml = "application/xml; charset=utf-8"

    /// `articles-N.xml` with N from 1.
    static func articlePage(_ name: String) -> Int? {
        guard name.hasPrefix("articles-"), name.hasSuffix(".xml") else { return nil }
        let digits = name.dropFirst("articles-".count).dropLast(".xml".count)
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isNumber), let page = Int(digits), page >= 1
        else { return nil }
        return page
    }
}
