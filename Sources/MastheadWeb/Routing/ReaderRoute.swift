import Foundation
import Hummingbird
import MastheadCore

/// Every reader-facing address, in one place: links are built from these cases and routes are
/// registered from the same patterns, so a link and its route cannot drift apart.
enum ReaderRoute: Equatable {
    case home(before: ArticleCursor? = nil)
    case article(Slug)
    case articleComments(Slug)
    case comment(article: Slug, id: UUID)
    /// Where a reader lands after an action on the conversation: the page says what became of it.
    case notice(Slug, Notice, reason: ModerationReason? = nil)
    /// The conversation in an order, from a page of it.
    case conversation(Slug, order: CommentOrder, after: CommentCursor?)
    case commentThread(Slug, UUID)
    case commentEdit(Slug, UUID)
    case commentDelete(Slug, UUID)
    case commentLike(Slug, UUID)
    case commentReport(Slug, UUID)
    case liveComments(Slug)
    case signUp(next: String?)
    case signIn(next: String?)
    case signOut
    case signOutEverywhere
    case account
    case accountResend
    case accountDownload
    case accountDelete
    case verify(String)
    case topic(Slug, before: ArticleCursor? = nil)
    case author(Slug, before: ArticleCursor? = nil)
    case entity(EntityKind, Slug, before: ArticleCursor? = nil)
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
        case .comment(let article, let id): return "/articles/\(article.value)#comment-\(id.lowercasedString)"
        case .notice(let article, let notice, let reason):
            let why = reason.map { "&reason=\($0.rawValue)" } ?? ""
            return "/articles/\(article.value)?comment=\(notice.rawValue)\(why)#comments"
        case .conversation(let article, let order, let after):
            var query: [String] = []
            if order != .oldest { query.append("sort=\(order.rawValue)") }
            if let after { query.append("after=\(after.encoded)") }
            return "/articles/\(article.value)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
                + "#comments"
        case .commentThread(let article, let id): return "/articles/\(article.value)/comments/\(Self.id(id))"
        case .commentEdit(let article, let id): return "/articles/\(article.value)/comments/\(Self.id(id))/edit"
        case .commentDelete(let article, let id): return "/articles/\(article.value)/comments/\(Self.id(id))/delete"
        case .commentLike(let article, let id): return "/articles/\(article.value)/comments/\(Self.id(id))/like"
        case .commentReport(let article, let id): return "/articles/\(article.value)/comments/\(Self.id(id))/report"
        case .liveComments(let article): return "/articles/\(article.value)/live-comments"
        case .signUp(let next): return "/account/sign-up" + Self.next(next)
        case .signIn(let next): return "/account/sign-in" + Self.next(next)
        case .signOut: return "/account/sign-out"
        case .signOutEverywhere: return "/account/sign-out-everywhere"
        case .account: return "/account"
        case .accountResend: return "/account/verification"
        case .accountDownload: return "/account/comments.json"
        case .accountDelete: return "/account/delete"
        case .verify(let token): return "/account/verify/\(token)"
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
            let encoded = PercentEncoding.encode(query, keeping: "")
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

    private static func id(_ id: UUID) -> String { id.lowercasedString }

    private static func next(_ next: String?) -> String {
        guard let next else { return "" }
        return "?next=" + PercentEncoding.encode(next, keeping: "-._~/")
    }

    private static func query(_ before: ArticleCursor?) -> String {
        before.map { "?before=\($0.token)" } ?? ""
    }

    /// Router patterns, from the same shapes as `path`.
    enum Pattern {
        static let home: RouterPath = "/"
        static let article: RouterPath = "/articles/:slug"
        static let articleComments: RouterPath = "/articles/:slug/comments"
        static let commentThread: RouterPath = "/articles/:slug/comments/:id"
        static let commentEdit: RouterPath = "/articles/:slug/comments/:id/edit"
        static let commentDelete: RouterPath = "/articles/:slug/comments/:id/delete"
        static let commentLike: RouterPath = "/articles/:slug/comments/:id/like"
        static let commentReport: RouterPath = "/articles/:slug/comments/:id/report"
        static let liveComments: RouterPath = "/articles/:slug/live-comments"
        static let signUp: RouterPath = "/account/sign-up"
        static let signIn: RouterPath = "/account/sign-in"
        static let signOut: RouterPath = "/account/sign-out"
        static let signOutEverywhere: RouterPath = "/account/sign-out-everywhere"
        static let account: RouterPath = "/account"
        static let accountResend: RouterPath = "/account/verification"
        static let accountDownload: RouterPath = "/account/comments.json"
        static let accountDelete: RouterPath = "/account/delete"
        static let verify: RouterPath = "/account/verify/:token"
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
