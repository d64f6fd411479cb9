import Foundation
import HTTPTypes
import Hummingbird
import MastheadCore
import MastheadStore

/// The Admin API: the newsroom's actions for scripts and the outlet's own tools, through the same
/// write layer, so the same roles, workflow and audit trail apply. Creates accept `Idempotency-Key`.
struct AdminAPIController {
    let site: Site

    func register(on group: RouterGroup<APIRequestContext>) {
        group.post("articles", use: createArticle)
        group.get("articles/:id", use: article)
        group.patch("articles/:id", use: updateArticle)
        group.post("articles/:id/transitions", use: transition)
        group.post("topics", use: createTopic)
        group.post("authors", use: createAuthor)
        group.post("comments/:id/moderation", use: moderate)
        group.allowOnly([.post], on: "articles")
        group.allowOnly([.get, .patch], on: "articles/:id")
        for path in ["articles/:id/transitions", "topics", "authors", "comments/:id/moderation"] {
            group.allowOnly([.post], on: RouterPath(path))
        }
    }

    struct ArticleInput: Decodable {
        var headline: String?
        var lede: String?
        var body: String?
        var slug: String?
        var dateline: String?
        /// Topic slugs or names; a name no topic has yet makes a new topic.
        var topics: [String]?
        var primaryTopic: String?
        /// Author slugs, in byline order.
        var authors: [String]?
        /// For back-filled archives: the publication time the story keeps when published.
        var publishedAt: Date?
        /// Required on update: the version the change is based on.
        var version: Int?
    }

    func createArticle(_ request: Request, context: APIRequestContext) async throws -> Response {
        let account = try context.staff()
        // Before anything about the request is looked up: whether its slug is taken would tell a key
        // that may not write which addresses exist, drafts' included.
        try ArticleActions.checkMayCreate(by: account)
        return try await idempotent(request, context: context) { body in
            let input = try APIJSON.decode(ArticleInput.self, data: body)
            let (content, newTopics) = try await content(from: input, over: nil)
            let article = try await site.store.articleActions.create(
                content, slug: input.slug == nil ? .headline : .chosen, newTopics: newTopics,
                publishedAt: input.publishedAt, by: account, now: site.clock.now)
            return (.created, APIArticle(article, base: site.settings.baseURL, admin: true))
        }
    }

    /// Drafts are shown to the keys that could edit them, as in the newsroom.
    func article(_ request: Request, context: APIRequestContext) async throws -> Response {
        let account = try context.staff()
        let story = try await article(context)
        try await checkMayOpen(story, account: account)
        return APIJSON.response(APIArticle(story, base: site.settings.baseURL, admin: true))
    }

    func updateArticle(_ request: Request, context: APIRequestContext) async throws -> Response {
        let account = try context.staff()
        let story = try await article(context)
        // As for a create: the change's slug is looked up only for a key that may edit the story.
        try await checkMayOpen(story, account: account)
        let input = try await APIJSON.decode(ArticleInput.self, from: request, context: context)
        guard let version = input.version else {
            throw APIError(
                .unprocessableContent, code: "invalid", "Send the version your change is based on.",
                fields: ["version": "required"])
        }
        let (content, newTopics) = try await content(from: input, over: story.content)
        do {
            let saved = try await site.store.articleActions.save(
                story.id, content: content, newTopics: newTopics, basedOn: version, by: account, now: site.clock.now)
            return APIJSON.response(APIArticle(saved, base: site.settings.baseURL, admin: true))
        } catch ActionError.conflict(let conflict) {
            throw APIError(
                .conflict, code: "edit_conflict",
                "\(conflict.current.savedByName) saved version \(conflict.current.version) at "
                    + "\(TimeLabel.iso8601(conflict.current.savedAt)); fetch it and apply your change to it.",
                fields: ["version": "stale"])
        }
    }

    struct TransitionInput: Decodable {
        var move: String
        var scheduleAt: Date?
    }

    func transition(_ request: Request, context: APIRequestContext) async throws -> Response {
        let account = try context.staff()
        let story = try await article(context)
        let input = try await APIJSON.decode(TransitionInput.self, from: request, context: context)
        guard let move = Workflow.Move(rawValue: input.move) else {
            throw APIError(
                .unprocessableContent, code: "invalid",
                "`move` is one of \(Workflow.Move.allCases.map(\.rawValue).joined(separator: ", ")).",
                fields: ["move": "invalid"])
        }
        // Whether a time is still to come depends on the server's clock, not on the request's form.
        if move == .schedule, (input.scheduleAt ?? .distantPast) <= site.clock.now {
            throw APIError(
                .conflict, code: "not_in_future", "Scheduling needs `scheduleAt` later than now.",
                fields: ["scheduleAt": "not in the future"])
        }
        let moved = try await site.store.articleActions.move(
            story.id, move, scheduleAt: input.scheduleAt, by: account, now: site.clock.now)
        return APIJSON.response(APIArticle(moved, base: site.settings.baseURL, admin: true))
    }

    struct TopicInput: Decodable {
        var name: String
    }

    func createTopic(_ request: Request, context: APIRequestContext) async throws -> Response {
        let account = try context.staff()
        return try await idempotent(request, context: context) { body in
            let input = try APIJSON.decode(TopicInput.self, data: body)
            guard Self.isTopicName(input.name) else {
                throw APIError(
                    .unprocessableContent, code: "invalid",
                    "A topic name needs a letter or digit from A to Z or 0 to 9.",
                    fields: ["name": "invalid"])
            }
            let topic = try await site.store.siteActions.topic(named: input.name, by: account, now: site.clock.now)
            return (.created, APITopic(topic, base: site.settings.baseURL))
        }
    }

    struct AuthorInput: Decodable {
        var name: String
        var bio: String?
        var slug: String?
    }

    func createAuthor(_ request: Request, context: APIRequestContext) async throws -> Response {
        let account = try context.staff()
        return try await idempotent(request, context: context) { body in
            let input = try APIJSON.decode(AuthorInput.self, data: body)
            var slug: Slug?
            if let text = input.slug {
                guard let parsed = Slug(text) else {
                    throw APIError(
                        .unprocessableContent, code: "invalid",
                        "A slug is lower-case letters, digits and single hyphens.",
                        fields: ["slug": "invalid"])
                }
                slug = parsed
            }
            if let taken = try await (slug ?? Slug(making: input.name)).asyncFlatMap({
                try await site.store.authors.find(slug: $0)
            }) {
                throw APIError(
                    .conflict, code: "exists", "Another author already has the address “\(taken.slug)”.",
                    fields: ["slug": "taken"])
            }
            let author = try await site.store.siteActions.createAuthor(
                name: input.name, bio: input.bio ?? "", slug: slug, by: account, now: site.clock.now)
            return (.created, APIAuthor(author, base: site.settings.baseURL))
        }
    }

    struct ModerationInput: Decodable {
        var status: String
    }

    struct ModeratedComment: Encodable {
        let id: String
        let status: String
    }

    func moderate(_ request: Request, context: APIRequestContext) async throws -> Response {
        let account = try context.staff()
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw APIError(.notFound, code: "not_found", "No comment has this id.")
        }
        let input = try await APIJSON.decode(ModerationInput.self, from: request, context: context)
        guard let status = CommentStatus(rawValue: input.status) else {
            throw APIError(
                .unprocessableContent, code: "invalid",
                "`status` is one of \(CommentStatus.allCases.map(\.rawValue).joined(separator: ", ")).",
                fields: ["status": "invalid"])
        }
        let comment = try await site.store.commentActions.moderate(id, to: status, by: account, now: site.clock.now)
        return APIJSON.response(
            ModeratedComment(id: comment.id.lowercasedString, status: comment.status.rawValue))
    }

    // MARK: Helpers

    /// The API's rule for names it makes addresses from, as its document states it: an ASCII letter or
    /// digit, and at most 100 characters.
    static func isTopicName(_ name: String) -> Bool {
        name.unicodeScalars.count <= SiteActions.maximumNameLength
            && name.unicodeScalars.contains { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }

    private func checkMayOpen(_ story: Article, account: StaffAccount) async throws {
        let creator = try await site.store.articles.creator(of: story.id)
        guard account.policy.mayOpen(story, creator: creator) else {
            throw APIError(.forbidden, code: "forbidden", "This key's role may not open this story.")
        }
    }

    private func article(_ context: APIRequestContext) async throws -> Article {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let story = try await site.store.articles.find(id: id)
        else { throw APIError(.notFound, code: "not_found", "No story has this id.") }
        return story
    }

    /// The content an input describes, over the story's current content for an update. Every bad
    /// field is reported at once, by name.
    private func content(from input: ArticleInput, over current: ArticleContent?) async throws -> (
        ArticleContent, [String]
    ) {
        var fields: [String: String] = [:]
        let headline = input.headline ?? current?.headline ?? ""
        var slug = current?.slug
        if let text = input.slug {
            slug = Slug(text)
            if slug == nil { fields["slug"] = "A slug is lower-case letters, digits and single hyphens." }
        } else if current == nil {
            slug = Slug(making: headline) ?? Slug.fallback(for: UUID())
        }
        var topics = current?.topics ?? []
        var newTopics: [String] = []
        if let names = input.topics {
            topics = []
            if let bad = names.first(where: { !Self.isTopicName($0) }) {
                fields["topics"] = "“\(bad)” is not a topic name: it needs a letter or digit from A to Z or 0 to 9."
            }
            for name in names where Self.isTopicName(name) {
                if let found = try await Slug(name).asyncFlatMap({ try await site.store.topics.find(slug: $0) }) {
                    if !topics.contains(found) { topics.append(found) }
                } else if !newTopics.contains(name) {
                    newTopics.append(name)
                }
            }
        }
        var primary = current?.primaryTopic
        if let slug = input.primaryTopic.flatMap({ Slug($0) }) {
            primary = try await site.store.topics.find(slug: slug)
            if primary == nil {
                throw APIError(
                    .conflict, code: "unknown_reference", "No topic has the slug “\(slug)”; create it first.",
                    fields: ["primaryTopic": "not found"])
            }
        } else if input.primaryTopic != nil {
            fields["primaryTopic"] = "A topic slug is lower-case letters, digits and single hyphens."
        }
        var authors = current?.authors ?? []
        if let slugs = input.authors {
            authors = []
            for text in slugs {
                guard let slug = Slug(text) else {
                    fields["authors"] = "An author slug is lower-case letters, digits and single hyphens."
                    continue
                }
                guard let author = try await site.store.authors.find(slug: slug) else {
                    // Well-formed but unknown: the request is fine, the site lacks what it names (409, so
                    // it is not mistaken for the story itself being missing).
                    throw APIError(
                        .conflict, code: "unknown_reference",
                        "No author has the slug “\(slug)”; create the author first.",
                        fields: ["authors": "not found"])
                }
                authors.append(author)
            }
        }
        // Only a slug the client chose can be taken: one made from the headline gets a free number.
        if input.slug != nil, let slug, slug != current?.slug, try await site.store.articles.find(slug: slug) != nil {
            throw APIError(
                .conflict, code: "slug_taken", "Another story already uses the slug “\(slug)”.",
                fields: ["slug": "taken"])
        }
        let content = ArticleContent(
            slug: slug ?? Slug("untitled")!, headline: headline, lede: input.lede ?? current?.lede ?? "",
            bodyMarkdown: input.body ?? current?.bodyMarkdown ?? "", dateline: input.dateline ?? current?.dateline,
            primaryTopic: primary, topics: topics, authors: authors, image: current?.image)
        for problem in content.fieldProblems where fields[problem.field] == nil {
            fields[problem.field] = problem.message
        }
        guard fields.isEmpty else {
            throw APIError(.unprocessableContent, code: "invalid", "Some fields need fixing.", fields: fields)
        }
        return (content, newTopics)
    }

    /// Runs a create once per `Idempotency-Key`: a retry of the same request gets the first
    /// response again (with `Idempotent-Replayed: true`), the same key with another body gets 422.
    private func idempotent(
        _ request: Request, context: APIRequestContext,
        _ body: (Data) async throws -> (HTTPResponse.Status, any Encodable)
    ) async throws -> Response {
        var request = request
        let data = Data(buffer: try await request.collectBody(upTo: context.maxUploadSize))
        guard let key = request.headers[.idempotencyKey], let keyID = context.keyID else {
            let (status, value) = try await body(data)
            return APIJSON.response(value, status: status)
        }
        guard (1...200).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw APIError(
                .badRequest, code: "bad_request", "An Idempotency-Key is 1 to 200 visible ASCII characters, no spaces.")
        }
        // The same JSON in another key order or spacing is the same request.
        let canonical =
            (try? JSONSerialization.jsonObject(with: data))
            .flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) } ?? data
        let fingerprint = request.uri.path + "\n" + String(decoding: canonical, as: UTF8.self)
        switch try await site.store.idempotency.claim(
            key: key, apiKey: keyID, request: fingerprint, now: site.clock.now)
        {
        case .replay(let status, let stored):
            var response = APIJSON.response(data: Data(stored.utf8), status: HTTPResponse.Status(code: status))
            response.headers[.idempotentReplayed] = "true"
            return response
        case .mismatch:
            throw APIError(
                .conflict, code: "idempotency_mismatch",
                "This Idempotency-Key was already used with a different request.")
        case .inProgress:
            throw APIError(
                .conflict, code: "idempotency_in_progress",
                "A request with this Idempotency-Key is still being handled; retry in a moment.")
        case .new:
            do {
                let (status, value) = try await body(data)
                let encoded = APIJSON.data(value)
                try await site.store.idempotency.complete(
                    key: key, apiKey: keyID, status: Int(status.code), body: String(decoding: encoded, as: UTF8.self))
                return APIJSON.response(data: encoded, status: status)
            } catch {
                try? await site.store.idempotency.release(key: key, apiKey: keyID)
                throw error
            }
        }
    }
}

extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplayed = Self("Idempotent-Replayed")!
}
