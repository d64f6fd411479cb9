import Foundation
import Hummingbird
import MastheadCore

/// Every reader-facing address, in one place: links are built from these cases and routes are
/// registered from the same patterns, so a link and its route cannot drift apart.
enum SiteRoute: Equatable {
    case home(before: StoryCursor? = nil)
    case article(Slug)
    case articleComments(Slug)
    case comment(article: Slug, id: UUID)
    /// Where a reader lands after posting to a pre-moderated story: the page says the comment waits.
    case heldComment(Slug)
    case topic(Slug, before: StoryCursor? = nil)
    case author(Slug, before: StoryCursor? = nil)
    case entity(EntityKind, Slug, before: StoryCursor? = nil)
    case asset(String)
    case media(String)
    case siteFeed(FeedFormat)
    case topicFeed(Slug, FeedFormat)
    case authorFeed(Slug, FeedFormat)
    case sitemapIndex
    case sitemap(String)
    case robots
    case search(String, page: Int = 1, filters: SearchFilters = SearchFilters())

    /// The path and query, relative to the site root.
    var path: String {
        switch self {
        case .home(let before): return "/" + Self.query(before)
        case .article(let slug): return "/articles/\(slug.value)"
        case .articleComments(let slug): return "/articles/\(slug.value)/comments"
        case .comment(let article, let id): return "/articles/\(article.value)#comment-\(id.uuidString.lowercased())"
        case .heldComment(let article): return "/articles/\(article.value)?comment=held#comments"
        case .topic(let slug, let before): return "/topics/\(slug.value)" + Self.query(before)
        case .author(let slug, let before): return "/authors/\(slug.value)" + Self.query(before)
        case .entity(let kind, let slug, let before): return "/\(kind.pathSegment)/\(slug.value)" + Self.query(before)
        case .asset(let file): return "/assets/\(file)"
        case .media(let file): return "/media/\(file)"
        case .siteFeed(let format): return "/" + format.fileName
        case .topicFeed(let slug, let format): return "/topics/\(slug.value)/" + format.fileName
        case .authorFeed(let slug, let format): return "/authors/\(slug.value)/" + format.fileName
        case .sitemapIndex: return "/sitemap.xml"
        case .sitemap(let name): return "/sitemaps/\(name)"
        case .robots: return "/robots.txt"
        case .search(let query, let page, let filters):
            let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            var path = "/search?q=\(encoded)"
            if let topic = filters.topic { path += "&topic=\(topic.value)" }
            if let author = filters.author { path += "&author=\(author.value)" }
            if let day = filters.firstDay { path += "&from=\(day)" }
            if let day = filters.lastDay { path += "&to=\(day)" }
            return path + (page > 1 ? "&page=\(page)" : "")
        }
    }

    /// The absolute address, for canonical links.
    func url(base: String) -> String { base + path }

    private static func query(_ before: StoryCursor?) -> String {
        before.map { "?before=\($0.token)" } ?? ""
    }

    /// Router patterns, from the same shapes as `path`.
    enum Pattern {
        static let home: RouterPath = "/"
        static let article: RouterPath = "/articles/:slug"
        static let articleComments: RouterPath = "/articles/:slug/comments"
        static let topic: RouterPath = "/topics/:slug"
        static let author: RouterPath = "/authors/:slug"
        static func entity(_ kind: EntityKind) -> RouterPath { RouterPath("/\(kind.pathSegment)/:slug") }
        static let assets: RouterPath = "/assets/**"
        static let media: RouterPath = "/media/:file"
        static let sitemapIndex: RouterPath = "/sitemap.xml"
        static let sitemap: RouterPath = "/sitemaps/:name"
        static let robots: RouterPath = "/robots.txt"
        static let search: RouterPath = "/search"
        static func siteFeed(_ format: FeedFormat) -> RouterPath { RouterPath("/" + format.fileName) }
        static func topicFeed(_ format: FeedFormat) -> RouterPath { RouterPath("/topics/:slug/" + format.fileName) }
        static func authorFeed(_ format: FeedFormat) -> RouterPath { RouterPath("/authors/:slug/" + format.fileName) }
    }
}
