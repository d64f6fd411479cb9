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
        group.get("articles", use: articles)
        group.get("articles/:slug", use: article)
        group.get("topics", use: topics)
        group.get("topics/:slug", use: topic)
        group.get("authors", use: authors)
        group.get("authors/:slug", use: author)
        group.get("openapi.json", use: openAPI)
        for path in [
            "articles", "articles/:slug", "topics", "topics/:slug", "authors", "authors/:slug", "openapi.json",
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
        var cursor: StoryCursor?
        if let before = query.get("before") {
            guard let parsed = StoryCursor(token: before) else {
                throw APIError(
                    .badRequest, code: "bad_request", "`before` is not a cursor this API gave out.",
                    fields: ["before": "invalid"])
            }
            cursor = parsed
        }
        let now = site.clock.now
        let page: StoryPage
        if let topicSlug = query.get("topic") {
            guard let slug = Slug(topicSlug), let topic = try await site.store.topics.find(slug: slug) else {
                throw APIError(.notFound, code: "not_found", "No topic has the slug “\(topicSlug)”.")
            }
            page = try await site.store.articles.latest(inTopic: topic.id, now: now, before: cursor, limit: limit)
        } else if let authorSlug = query.get("author") {
            guard let slug = Slug(authorSlug), let author = try await site.store.authors.find(slug: slug) else {
                throw APIError(.notFound, code: "not_found", "No author has the slug “\(authorSlug)”.")
            }
            page = try await site.store.articles.latest(byAuthor: author.id, now: now, before: cursor, limit: limit)
        } else {
            page = try await site.store.articles.latest(now: now, before: cursor, limit: limit)
        }
        let base = site.settings.baseURL
        return Self.publicResponse(
            ArticleList(articles: page.stories.map { APIArticleSummary($0, base: base) }, next: page.next?.token))
    }

    func article(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let slug = context.parameters.get("slug").flatMap { Slug($0) },
            let article = try await site.store.articles.visible(slug: slug, now: site.clock.now)
        else { throw APIError(.notFound, code: "not_found", "No published story has this slug.") }
        return Self.publicResponse(APIArticle(article, base: site.settings.baseURL, admin: false))
    }

    func topics(_ request: Request, context: APIRequestContext) async throws -> Response {
        let base = site.settings.baseURL
        return Self.publicResponse(["topics": try await site.store.topics.all().map { APITopic($0, base: base) }])
    }

    func topic(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let slug = context.parameters.get("slug").flatMap { Slug($0) },
            let topic = try await site.store.topics.find(slug: slug)
        else { throw APIError(.notFound, code: "not_found", "No topic has this slug.") }
        return Self.publicResponse(APITopic(topic, base: site.settings.baseURL))
    }

    func authors(_ request: Request, context: APIRequestContext) async throws -> Response {
        let base = site.settings.baseURL
        return Self.publicResponse(["authors": try await site.store.authors.all().map { APIAuthor($0, base: base) }])
    }

    func author(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let slug = context.parameters.get("slug").flatMap { Slug($0) },
            let author = try await site.store.authors.find(slug: slug)
        else { throw APIError(.notFound, code: "not_found", "No author has this slug.") }
        return Self.publicResponse(APIAuthor(author, base: site.settings.baseURL))
    }

    func openAPI(_ request: Request, context: APIRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.accessControlAllowOrigin] = "*"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.json(serverURL: site.settings.baseURL))))
    }

    /// Public JSON any site may read from a browser, cached briefly by CDNs.
    static func publicResponse(_ value: some Encodable) -> Response {
        var response = APIJSON.response(value)
        response.headers[.accessControlAllowOrigin] = "*"
        response.headers[.cacheControl] = "public, max-age=60"
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
