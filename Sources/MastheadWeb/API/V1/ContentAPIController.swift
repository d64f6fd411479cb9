import Foundation
import HTTPTypes
import Hummingbird
import MastheadCore
import MastheadStore

/// The public Content API: what readers may see, as JSON, for the outlet's apps and partners. It
/// reads through the same visibility rule as the pages, so embargoed and scheduled stories are absent.
struct ContentAPIController {
    let site: Site

    static let defaultLimit = 20
    static let maximumLimit = 50

    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("articles", use: reading(Self.articles))
        group.get("articles/:slug", use: reading(Self.article))
        group.get("articles/:slug/read-next", use: reading(Self.readNext))
        group.get("articles/:slug/comments", use: reading(Self.comments))
        group.get("topics", use: reading(Self.topics))
        group.get("topics/:slug", use: reading(Self.topic))
        group.get("authors", use: reading(Self.authors))
        group.get("authors/:slug", use: reading(Self.author))
        group.get("openapi.json", use: openAPI)
        group.get("search", use: reading(Self.search))
        for path in [
            "articles", "articles/:slug", "articles/:slug/read-next", "articles/:slug/comments", "topics",
            "topics/:slug",
            "authors", "authors/:slug", "openapi.json", "search",
        ] {
            group.allowOnly([.get], on: RouterPath(path))
        }
    }

    struct ArticleList: Encodable {
        let articles: [APIArticleSummary]
        /// Pass as `before` for the next page; null on the last page.
        let next: String?

        enum CodingKeys: String, CodingKey {
            case articles, next
        }

        /// `next` is written as null on the last page rather than left out, so clients can test for it.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(articles, forKey: .articles)
            try container.encode(next, forKey: .next)
        }
    }

    func articles(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let limit = try Self.limit(query.get("limit"))
        var cursor: ArticleCursor?
        if let before = query.get("before") {
            guard let parsed = ArticleCursor(token: before) else {
                throw APIError(
                    .badRequest, code: "bad_request", "`before` is not a cursor this API gave out.",
                    fields: ["before": "invalid"])
            }
            cursor = parsed
        }
        var since: Date?
        if let text = query.get("since") {
            guard let parsed = RFC3339.date(text) else {
                throw APIError(
                    .badRequest, code: "bad_request", "`since` is an RFC 3339 date-time.", fields: ["since": "invalid"])
            }
            since = parsed
        }
        var scope = ArticleRepository.FeedScope.site
        if let topicSlug = query.get("topic") {
            guard let slug = Slug(topicSlug), let topic = try await site.store.topics.find(slug: slug) else {
                throw APIError(.notFound, code: "not_found", "No topic has the slug “\(topicSlug)”.")
            }
            scope = .topic(topic.id)
        } else if let authorSlug = query.get("author") {
            guard let slug = Slug(authorSlug), let author = try await site.store.authors.find(slug: slug) else {
                throw APIError(.notFound, code: "not_found", "No author has the slug “\(authorSlug)”.")
            }
            scope = .author(author.id)
        }
        let page = try await site.store.articles.latest(
            scope, now: site.clock.now, since: since, before: cursor, limit: limit)
        let base = site.settings.baseURL
        return Self.publicResponse(
            ArticleList(articles: page.articles.map { APIArticleSummary($0, base: base) }, next: page.next?.token),
            request: request, keys: SurrogateKeys.list(page.articles.map(\.id)))
    }

    func article(_ request: Request, context: APIRequestContext) async throws -> Response {
        let article = try await visibleArticle(context)
        return Self.publicResponse(
            APIArticle(article, base: site.settings.baseURL, admin: false), request: request,
            keys: SurrogateKeys.header(SurrogateKeys.article(article)))
    }

    /// The same Read next the article page shows.
    func readNext(_ request: Request, context: APIRequestContext) async throws -> Response {
        let article = try await visibleArticle(context)
        let now = site.clock.now
        let readNext = try await site.store.articles.readNext(for: article.id, mode: site.settings.readNext, now: now)
        let base = site.settings.baseURL
        return Self.publicResponse(
            [
                "articles": readNext.map {
                    APIArticleSummary($0, base: base)
                }
            ],
            request: request, keys: SurrogateKeys.articlePage(article, rail: readNext.map(\.id)))
    }

    struct APIComment: Encodable {
        let id: String
        /// The comment this one replies to; absent for a top-level comment.
        let parentID: String?
        let displayName: String
        /// The comment as the page shows it: escaped text with paragraphs and safe links.
        let bodyHTML: String
        let likeCount: Int
        let createdAt: Date
    }

    struct APICommentSlice: Encodable {
        let comments: [APIComment]
        let next: String?
    }

    /// A page of the published conversation, oldest first: top-level comments, each followed by the
    /// replies fetched under it, and `next` for the following page.
    func comments(_ request: Request, context: APIRequestContext) async throws -> Response {
        let article = try await visibleArticle(context)
        var cursor: CommentCursor?
        if let after = request.uri.queryParameters.get("after") {
            guard let decoded = Self.commentCursor(after) else {
                throw APIError(
                    .badRequest, code: "bad_request", "`after` is not a cursor this API gave out.",
                    fields: ["after": "invalid"])
            }
            cursor = decoded
        }
        let page = try await site.store.comments.slice(onArticle: article.id, order: .oldest, after: cursor)
        var flat: [Comment] = []
        func add(_ node: ThreadNode) {
            flat.append(node.comment)
            node.replies.forEach(add)
        }
        page.threads.forEach(add)
        return Self.publicResponse(
            APICommentSlice(
                comments: flat.filter { !$0.isDeleted }.map {
                    APIComment(
                        id: $0.id.lowercasedString, parentID: $0.parentID?.lowercasedString,
                        displayName: $0.displayName, bodyHTML: $0.bodyHTML, likeCount: $0.likeCount,
                        createdAt: $0.createdAt)
                }, next: page.next.map(Self.token)),
            request: request, keys: SurrogateKeys.header([CacheKey.article(article.id)]))
    }

    /// The API's comment cursor, `millis_id`: the position of the last top-level comment of a page in
    /// the oldest-first order, written so that its OpenAPI pattern admits only what parses.
    static func token(_ cursor: CommentCursor) -> String {
        "\(Int64((cursor.createdAt.timeIntervalSince1970 * 1_000).rounded()))_\(cursor.id.lowercasedString)"
    }

    static func commentCursor(_ token: String) -> CommentCursor? {
        let parts = token.split(separator: "_", maxSplits: 1)
        guard parts.count == 2, parts[0].count <= 15, parts[0].allSatisfy(\.isASCII), let millis = Int64(parts[0]),
            millis >= 0, let id = UUID(uuidString: String(parts[1]))
        else { return nil }
        return CommentCursor(
            order: .oldest, createdAt: Date(timeIntervalSince1970: TimeInterval(millis) / 1_000), likeCount: 0, id: id)
    }

    private func visibleArticle(_ context: APIRequestContext) async throws -> Article {
        guard let slug = context.parameters.get("slug").flatMap({ Slug($0) }),
            let article = try await site.store.articles.visible(slug: slug, now: site.clock.now)
        else { throw APIError(.notFound, code: "not_found", "No published story has this slug.") }
        return article
    }

    func topics(_ request: Request, context: APIRequestContext) async throws -> Response {
        let base = site.settings.baseURL
        return Self.publicResponse(
            ["topics": try await site.store.topics.all().map { APITopic($0, base: base) }], request: request,
            keys: SurrogateKeys.header([CacheKey.taxonomy]))
    }

    func topic(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let slug = context.parameters.get("slug").flatMap { Slug($0) },
            let topic = try await site.store.topics.find(slug: slug)
        else { throw APIError(.notFound, code: "not_found", "No topic has this slug.") }
        return Self.publicResponse(
            APITopic(topic, base: site.settings.baseURL), request: request,
            keys: SurrogateKeys.header([CacheKey.taxonomy, CacheKey.topic(topic.id)]))
    }

    func authors(_ request: Request, context: APIRequestContext) async throws -> Response {
        let base = site.settings.baseURL
        return Self.publicResponse(
            ["authors": try await site.store.authors.all().map { APIAuthor($0, base: base) }], request: request,
            keys: SurrogateKeys.header([CacheKey.taxonomy]))
    }

    func author(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let slug = context.parameters.get("slug").flatMap { Slug($0) },
            let author = try await site.store.authors.find(slug: slug)
        else { throw APIError(.notFound, code: "not_found", "No author has this slug.") }
        return Self.publicResponse(
            APIAuthor(author, base: site.settings.baseURL), request: request,
            keys: SurrogateKeys.header([CacheKey.taxonomy, CacheKey.author(author.id)]))
    }

    struct SearchResult: Encodable {
        let slug: String
        let url: String
        let headline: String
        let lede: String
        let publishedAt: Date?
        /// Escaped text with `<mark>` around the matches.
        let snippetHTML: String
    }

    /// Full-text search, best first: any `q` gets results or an empty list, never an error.
    func search(_ request: Request, context: APIRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        let limit = try Self.limit(parameters.get("limit"))
        var page = 1
        if let text = parameters.get("page") {
            guard let value = Int(text), (1...10).contains(value) else {
                throw APIError(
                    .badRequest, code: "bad_request", "`page` is a whole number from 1 to 10.",
                    fields: ["page": "invalid"])
            }
            page = value
        }
        // The page's form sends an empty value for "any"; the API leaves the parameter out instead.
        for name in ["topic", "author", "from", "to"] where parameters.get(name)?.isEmpty == true {
            throw APIError(
                .badRequest, code: "bad_request", "`\(name)` is empty; leave it out to search without it.",
                fields: [name: "invalid"])
        }
        let filters = site.searchFilters(request)
        guard filters.problems.isEmpty else {
            throw APIError(.badRequest, code: "bad_request", filters.problems.joined(separator: " "))
        }
        var hits: [SearchHit] = []
        if let scope = try await site.searchScope(filters).scope {
            hits = try await site.store.articles.search(
                SearchQuery(parameters.get("q") ?? ""), in: scope, now: site.clock.now, limit: limit,
                offset: (page - 1) * limit)
        }
        let base = site.settings.baseURL
        return Self.publicResponse(
            [
                "results": hits.map {
                    SearchResult(
                        slug: $0.story.slug.value, url: ReaderRoute.article($0.story.slug).url(base: base),
                        headline: $0.story.headline, lede: $0.story.lede, publishedAt: $0.story.publishedAt,
                        snippetHTML: $0.snippetHTML)
                }
            ],
            request: request)
    }

    func openAPI(_ request: Request, context: APIRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.accessControlAllowOrigin] = "*"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.json(serverURL: site.settings.baseURL))))
    }

    /// Public JSON any site may read from a browser, cached briefly by CDNs, with a strong `ETag`
    /// and `304` for a client that already has it.
    /// A handler that reads from the replica, when there is one (``Site/reading(_:)``).
    private func reading(
        _ handler: @escaping @Sendable (Self) -> (Request, APIRequestContext) async throws -> Response
    ) -> @Sendable (Request, APIRequestContext) async throws -> Response {
        { [site] request, context in try await handler(Self(site: site.reading(request)))(request, context) }
    }

    static func publicResponse(_ value: some Encodable, request: Request, keys: String? = nil) -> Response {
        let text = String(decoding: APIJSON.data(value), as: UTF8.self)
        var response = ConditionalResponse.make(
            text, contentType: "application/json; charset=utf-8", lastModified: nil, request: request, maxAge: 60)
        response.headers[.accessControlAllowOrigin] = "*"
        if let keys { response.headers[.surrogateKey] = keys }
        return response
    }

    static func limit(_ text: String?) throws -> Int {
        guard let text else { return defaultLimit }
        guard let limit = Int(text), (1...maximumLimit).contains(limit) else {
            throw APIError(
                .badRequest, code: "bad_request", "`limit` is a whole number from 1 to \(maximumLimit).",
                fields: ["limit": "invalid"])
        }
        return limit
    }
}
