import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// The pages readers browse: home, article, topic and author.
struct ReaderController {
    let site: Site

    static let pageSize = 20

    func register(on router: Router<AppRequestContext>) {
        router.get(SiteRoute.Pattern.home, use: home)
        router.get(SiteRoute.Pattern.article, use: article)
        router.get(SiteRoute.Pattern.topic, use: topic)
        router.get(SiteRoute.Pattern.author, use: author)
        for path in [
            SiteRoute.Pattern.home, SiteRoute.Pattern.article, SiteRoute.Pattern.topic, SiteRoute.Pattern.author,
        ] {
            router.allowOnly([.get], on: path)
        }
    }

    func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let now = site.clock.now
        let cursor = cursor(in: request)
        let page = try await site.store.articles.latest(now: now, before: cursor, limit: Self.pageSize)
        return site.html(
            HomePage(
                layout: site.layout(
                    title: cursor == nil ? nil : "Older stories",
                    description: "The latest news from \(site.settings.name).",
                    route: .home(before: cursor)),
                list: StoryList(page, now: now, timeZone: site.settings.timeZone) { .home(before: $0) }))
    }

    func article(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let slug = context.slugParameter else { throw HTTPError(.notFound) }
        guard let article = try await site.store.articles.visible(slug: slug, now: site.clock.now) else {
            // A published story whose address changed keeps its old links working.
            if let moved = try await site.store.articles.redirect(from: slug, now: site.clock.now) {
                return Self.movedPermanently(to: SiteRoute.article(moved).path)
            }
            throw HTTPError(.notFound)
        }
        let existingToken = CSRFToken.existing(in: request, secure: site.usesHTTPS)
        let token = existingToken ?? site.makeToken()
        let form = CommentFormContext(article: article.slug, csrfToken: token)
        var response = try await ArticlePageRenderer(site: site).render(article, form: form, status: .ok)
        if existingToken == nil {
            response.setCookie(CSRFToken.cookie(token, secure: site.usesHTTPS))
        }
        return response
    }

    func topic(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let slug = context.slugParameter else { throw HTTPError(.notFound) }
        guard let topic = try await site.store.topics.find(slug: slug) else {
            // A merged topic's address leads to the topic it was merged into.
            if let merged = try await site.store.topics.redirect(from: slug) {
                return Self.movedPermanently(to: SiteRoute.topic(merged).path)
            }
            throw HTTPError(.notFound)
        }
        let now = site.clock.now
        let cursor = cursor(in: request)
        let page = try await site.store.articles.latest(
            inTopic: topic.id, now: now, before: cursor, limit: Self.pageSize)
        return site.html(
            TopicPage(
                layout: site.layout(
                    title: topic.name, description: "Stories about \(topic.name).", route: .topic(slug, before: cursor),
                    feeds: site.feeds(named: topic.name) { .topicFeed(slug, $0) }),
                name: topic.name,
                list: StoryList(page, now: now, timeZone: site.settings.timeZone) { .topic(slug, before: $0) }))
    }

    func author(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let slug = context.slugParameter,
            let author = try await site.store.authors.find(slug: slug)
        else { throw HTTPError(.notFound) }
        let now = site.clock.now
        let cursor = cursor(in: request)
        let page = try await site.store.articles.latest(
            byAuthor: author.id, now: now, before: cursor, limit: Self.pageSize)
        return site.html(
            AuthorPage(
                layout: site.layout(
                    title: author.name, description: author.bio.isEmpty ? "Stories by \(author.name)." : author.bio,
                    route: .author(slug, before: cursor),
                    feeds: site.feeds(named: author.name) { .authorFeed(slug, $0) }),
                name: author.name, bio: author.bio,
                list: StoryList(page, now: now, timeZone: site.settings.timeZone) { .author(slug, before: $0) }))
    }

    /// 301, which every crawler and cache treats as the new address for good (Hummingbird's
    /// `.permanent` is 308, which some older clients do not follow).
    static func movedPermanently(to path: String) -> Response {
        Response(status: .movedPermanently, headers: [.location: path])
    }

    /// A malformed `?before=` reads as the first page rather than an error: it is only ever a link.
    private func cursor(in request: Request) -> StoryCursor? {
        request.uri.queryParameters.get("before").flatMap(StoryCursor.init(token:))
    }
}

/// Fetches what an article page shows besides the article, and renders it; shared by the page itself
/// and by a comment form sent back with a problem.
struct ArticlePageRenderer {
    let site: Site

    func render(_ article: Article, form: CommentFormContext, status: HTTPResponse.Status) async throws -> Response {
        let now = site.clock.now
        async let candidates = site.store.articles.latest(now: now, limit: ReadNext.railLength + 1)
        async let comments = site.store.comments.published(onArticle: article.id)
        let readNext = ReadNext.pick(for: article.id, from: try await candidates.stories, now: now)
        let page = ArticlePage(
            article: article, readNext: readNext, comments: try await comments, form: form, site: site, now: now)
        var response = site.html(page, status: status)
        response.headers[.cacheControl] = "private, no-cache"
        return response
    }
}
