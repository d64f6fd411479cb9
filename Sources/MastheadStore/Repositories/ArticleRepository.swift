import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// Articles in and out of the database. Lists are ``ArticleListQuery``: newest first, keyset-paginated,
/// one query per page whatever its length. Changes go through the write layer (``ArticleActions``),
/// which calls the writing methods here inside its transaction.
public struct ArticleRepository: Sendable {
    let database: any Database

    /// Inserts a new article with its topics, byline and first revision. Publication times are kept
    /// to the second so that pagination cursors compare equal on both databases.
    @discardableResult
    public func create(_ draft: ArticleDraft, by account: StaffAccount? = nil, now: Date? = nil) async throws
        -> Article
    {
        let record = ArticleRecord()
        record.commentCount = 0
        record.id = draft.id
        record.apply(draft.content)
        record.setStatus(draft.status)
        record.publishedAt = draft.publishedAt?.wholeSeconds
        record.embargoUntil = draft.embargoUntil?.wholeSeconds
        record.version = 1
        record.createdBy = account?.id
        record.commentsMode = ConversationSettings.standard.mode.rawValue
        record.commentsPreModerated = ConversationSettings.standard.preModerated
        try await record.create(on: database)
        try await SearchIndex.update(draft.id, on: database)
        try await replaceLinks(of: draft.id, with: draft.content)
        try await DiscoveryLinks.copyVisibility(of: draft.id, on: database)
        try await RevisionRepository(database: database).add(
            Revision(
                id: UUID(), articleID: draft.id, version: 1, content: draft.content, savedBy: account?.id,
                savedByName: account?.name ?? "Masthead", savedAt: (now ?? draft.publishedAt ?? Date()).wholeSeconds,
                changedFields: []))
        guard let saved = try await find(id: draft.id) else {
            throw StoreError.vanished("article \(draft.content.slug)")
        }
        return saved
    }

    /// Any article by id, whatever its status, with topics, byline and corrections.
    public func find(id: UUID) async throws -> Article? {
        try await fullyLoaded(ArticleRecord.query(on: database).filter(\.$id == id)).first?.article
    }

    /// Any article by its current slug, whatever its status.
    public func find(slug: Slug) async throws -> Article? {
        try await fullyLoaded(ArticleRecord.query(on: database).filter(\.$slug == slug.value)).first?.article
    }

    /// The account that created the story, for "own story" permissions.
    public func creator(of id: UUID) async throws -> UUID? {
        try await ArticleRecord.query(on: database).filter(\.$id == id).field(\.$createdBy).first()?.createdBy
    }

    /// The article a reader may see at this address now (``Visibility``).
    public func visible(slug: Slug, now: Date) async throws -> Article? {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        return try await ArticleRows.visible(slug: slug, now: now, on: sql)
    }

    /// Where an old address of a story now leads, when the story is visible.
    public func redirect(from slug: Slug, now: Date) async throws -> Slug? {
        guard
            let redirect = try await ArticleRedirectRecord.query(on: database).filter(\.$oldSlug == slug.value)
                .first(),
            let record = try await VisibleArticles.filter(ArticleRecord.query(on: database), now: now)
                .filter(\.$id == redirect.articleID).first()
        else { return nil }
        return Slug(record.slug)
    }

    /// The newest visible stories in `scope`, published since `since`, for the Content API.
    public func latest(
        _ scope: FeedScope, now: Date, since: Date?, before cursor: ArticleCursor?, limit: Int
    ) async throws -> ArticleSlice {
        let listScope: ArticleListQuery.Scope
        switch scope {
        case .site: listScope = .site
        case .topic(let id): listScope = .topic(id)
        case .author(let id): listScope = .author(id)
        }
        return try await ArticleListQuery(scope: listScope, now: now, cursor: cursor, limit: limit, since: since)
            .run(on: database)
    }

    /// The newest visible stories on the site.
    public func latest(now: Date, before cursor: ArticleCursor? = nil, limit: Int) async throws -> ArticleSlice {
        try await ArticleListQuery(scope: .site, now: now, cursor: cursor, limit: limit).run(on: database)
    }

    /// The newest visible stories tagged with a topic.
    public func latest(inTopic topicID: UUID, now: Date, before cursor: ArticleCursor? = nil, limit: Int)
        async throws -> ArticleSlice
    {
        try await ArticleListQuery(scope: .topic(topicID), now: now, cursor: cursor, limit: limit).run(on: database)
    }

    /// The newest visible stories that name an entity, from its own index (see `M023CreateDiscovery`).
    public func latest(naming entityID: UUID, now: Date, before cursor: ArticleCursor? = nil, limit: Int)
        async throws -> ArticleSlice
    {
        try await ArticleListQuery(scope: .entity(entityID), now: now, cursor: cursor, limit: limit)
            .run(on: database)
    }

    /// The newest visible stories an author wrote or co-wrote.
    public func latest(byAuthor authorID: UUID, now: Date, before cursor: ArticleCursor? = nil, limit: Int)
        async throws -> ArticleSlice
    {
        try await ArticleListQuery(scope: .author(authorID), now: now, cursor: cursor, limit: limit)
            .run(on: database)
    }

    public func isEmpty() async throws -> Bool {
        try await ArticleRecord.query(on: database).first() == nil
    }

    func record(id: UUID) async throws -> ArticleRecord? {
        try await ArticleRecord.find(id, on: database)
    }

    /// Rewrites the story's topic links and byline to match `content`.
    func replaceLinks(of articleID: UUID, with content: ArticleContent) async throws {
        try await ArticleTopicRecord.query(on: database).filter(\.$article.$id == articleID).delete()
        try await BylineRecord.query(on: database).filter(\.$article.$id == articleID).delete()
        for topic in content.allTopics {
            try await ArticleTopicRecord(id: UUID(), articleID: articleID, topicID: topic.id).create(on: database)
        }
        for (position, author) in content.authors.enumerated() {
            try await BylineRecord(id: UUID(), articleID: articleID, authorID: author.id, position: position)
                .create(on: database)
        }
    }

    func addRedirect(from oldSlug: Slug, to articleID: UUID) async throws {
        try await ArticleRedirectRecord.query(on: database).filter(\.$oldSlug == oldSlug.value).delete()
        try await ArticleRedirectRecord(oldSlug: oldSlug.value, articleID: articleID).create(on: database)
    }

    func addCorrection(_ correction: Correction, to articleID: UUID) async throws {
        try await CorrectionRecord(correction, articleID: articleID).create(on: database)
    }

    func fullyLoaded(_ query: QueryBuilder<ArticleRecord>) async throws -> [ArticleRecord] {
        try await query.with(\.$primaryTopic)
            .with(\.$topicLinks) { $0.with(\.$topic) }
            .with(\.$bylines) { $0.with(\.$author) }
            .with(\.$corrections)
            .all()
    }
}
