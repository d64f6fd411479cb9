import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// The pages readers browse: home, article, topic and author.
struct ReaderController {
    let site: Site

    static let pageSize = 20

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get(ReaderRoute.Pattern.home, use: home)
        router.get(ReaderRoute.Pattern.article, use: article)
        router.get(ReaderRoute.Pattern.topic, use: topic)
        router.get(ReaderRoute.Pattern.author, use: author)
        for kind in EntityKind.allCases {
            router.get(ReaderRoute.Pattern.entity(kind)) { request, context in
                try await entity(kind, request, context: context)
            }
        }
        for path in [
            ReaderRoute.Pattern.home, ReaderRoute.Pattern.article, ReaderRoute.Pattern.topic,
            ReaderRoute.Pattern.author,
        ] + EntityKind.allCases.map(ReaderRoute.Pattern.entity) {
            router.allowOnly([.get], on: path)
        }
    }

    func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let site = site.reading(request)
        let now = site.clock.now
        let cursor = cursor(in: request)
        let page = try await site.store.articles.latest(now: now, before: cursor, limit: Self.pageSize)
        return site.html(
            HomePage(
                layout: site.layout(
                    title: cursor == nil ? nil : "Older stories",
                    description: "The latest news from \(site.settings.name).",
                    route: .home(before: cursor)),
                list: ArticleTeaserList(page, now: now, timeZone: site.settings.timeZone) { .home(before: $0) })
        ).cached(as: SurrogateKeys.list(page.articles.map(\.id)))
    }

    func article(_ request: Request, context: AppRequestContext) async throws -> Response {
        let site = site.reading(request)
        guard let slug = context.slugParameter else { throw HTTPError(.notFound) }
        guard let article = try await site.store.articles.visible(slug: slug, now: site.clock.now) else {
            // A published story whose address changed keeps its old links working.
            if let moved = try await site.store.articles.redirect(from: slug, now: site.clock.now) {
                return Self.movedPermanently(to: ReaderRoute.article(moved).path)
            }
            throw HTTPError(.notFound)
        }
        let view = ArticlePageRenderer.View(request)
        let maxBodyLength = site.settings.comments.policy.maximumLength
        guard let reader = try await site.readers.reader(request) else {
            // The page every anonymous reader shares: no token, no cookie, so it is cached.
            let form = CommentFormContext(article: article.slug, csrfToken: nil, maxBodyLength: maxBodyLength)
            return try await ArticlePageRenderer(site: site).render(
                article, form: form, reader: nil, view: view, status: .ok)
        }
        return try await site.formPage(request) { token in
            let form = CommentFormContext(
                article: article.slug, csrfToken: token, asGuest: false, maxBodyLength: maxBodyLength)
            return try await ArticlePageRenderer(site: site).render(
                article, form: form, reader: reader, view: view, status: .ok)
        }
    }

    func topic(_ request: Request, context: AppRequestContext) async throws -> Response {
        let site = site.reading(request)
        guard let slug = context.slugParameter else { throw HTTPError(.notFound) }
        guard let topic = try await site.store.topics.find(slug: slug) else {
            // A merged topic's address leads to the topic it was merged into.
            if let merged = try await site.store.topics.redirect(from: slug) {
                return Self.movedPermanently(to: ReaderRoute.topic(merged).path)
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
                list: ArticleTeaserList(page, now: now, timeZone: site.settings.timeZone) { .topic(slug, before: $0) })
        ).cached(as: SurrogateKeys.list(page.articles.map(\.id), extra: [CacheKey.topic(topic.id)]))
    }

    func author(_ request: Request, context: AppRequestContext) async throws -> Response {
        let site = site.reading(request)
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
                list: ArticleTeaserList(page, now: now, timeZone: site.settings.timeZone) { .author(slug, before: $0) })
        ).cached(as: SurrogateKeys.list(page.articles.map(\.id), extra: [CacheKey.author(author.id)]))
    }

    /// A person's, place's or organisation's page: their stories newest first, and for a person what
    /// they said, newest first, so a newsroom sees when two officials say opposite things.
    func entity(_ kind: EntityKind, _ request: Request, context: AppRequestContext) async throws -> Response {
        let site = site.reading(request)
        guard let slug = context.slugParameter, let entity = try await site.store.entities.find(kind: kind, slug: slug)
        else { throw HTTPError(.notFound) }
        let now = site.clock.now
        let cursor = cursor(in: request)
        async let page = site.store.articles.latest(naming: entity.id, now: now, before: cursor, limit: Self.pageSize)
        let statements =
            kind == .person && cursor == nil ? try await site.store.entities.statements(of: entity, now: now) : []
        let stories = try await page
        // A name found only in drafts or embargoed stories gets no page: it would reveal what is coming.
        guard !stories.articles.isEmpty || !statements.isEmpty || cursor != nil else { throw HTTPError(.notFound) }
        let zone = site.settings.timeZone
        return site.html(
            EntityPage(
                layout: site.layout(
                    title: entity.name, description: "Stories that name \(entity.name).",
                    route: .entity(kind, slug, before: cursor)),
                kind: kind.singularLabel, name: entity.name,
                statements: statements.map { StatementView($0, now: now, timeZone: zone) },
                hasStatements: !statements.isEmpty,
                list: ArticleTeaserList(stories, now: now, timeZone: zone) { .entity(kind, slug, before: $0) })
        ).cached(as: SurrogateKeys.list(stories.articles.map(\.id)))
    }

    /// 301, which every crawler and cache treats as the new address for good (Hummingbird's
    /// `.permanent` is 308, which some older clients do not follow).
    static func movedPermanently(to path: String) -> Response {
        Response(status: .movedPermanently, headers: [.location: path])
    }

    /// A malformed `?before=` reads as the first page rather than an error: it is only ever a link.
    private func cursor(in request: Request) -> ArticleCursor? {
        request.uri.queryParameters.get("before").flatMap(ArticleCursor.init(token:))
    }
}
