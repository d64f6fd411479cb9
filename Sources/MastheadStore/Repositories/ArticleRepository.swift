import FluentKit
import Foundation
import MastheadCore

/// Articles in and out of the database. Lists are ``StoryListQuery``: newest first, keyset-paginated,
/// one query per page whatever its length.
public struct ArticleRepository: Sendable {
    let store: Store

    /// Saves a new article, rendering and sanitizing its body. Publication times are kept to the
    /// second so that pagination cursors compare equal on both databases.
    @discardableResult
    public func create(_ draft: ArticleDraft) async throws -> Article {
        let record = ArticleRecord()
        record.id = draft.id
        record.slug = draft.slug.value
        record.headline = draft.headline
        record.lede = draft.lede
        record.bodyMarkdown = draft.bodyMarkdown
        record.bodyHTML = ArticleBody.html(fromMarkdown: draft.bodyMarkdown)
        record.dateline = draft.dateline
        record.status = draft.status.rawValue
        record.publishedAt = draft.publishedAt?.wholeSeconds
        record.$primaryTopic.id = draft.primaryTopic?.id
        try await store.database.transaction { database in
            try await record.create(on: database)
            for topic in draft.allTopics {
                try await ArticleTopicRecord(id: UUID(), articleID: draft.id, topicID: topic.id).create(on: database)
            }
            for (position, author) in draft.authors.enumerated() {
                try await BylineRecord(id: UUID(), articleID: draft.id, authorID: author.id, position: position)
                    .create(on: database)
            }
        }
        guard let saved = try await find(id: draft.id) else { throw StoreError.vanished("article \(draft.slug)") }
        return saved
    }

    /// Any article by id, whatever its status, with topics and byline.
    public func find(id: UUID) async throws -> Article? {
        try await fullyLoaded(ArticleRecord.query(on: store.database).filter(\.$id == id)).first?.article
    }

    /// The article a reader may see at this address now: published, and not scheduled for later.
    public func visible(slug: Slug, now: Date) async throws -> Article? {
        let query = visible(ArticleRecord.query(on: store.database), now: now).filter(\.$slug == slug.value)
        return try await fullyLoaded(query).first?.article
    }

    /// The newest visible stories on the site.
    public func latest(now: Date, before cursor: StoryCursor? = nil, limit: Int) async throws -> StoryPage {
        try await StoryListQuery(scope: .site, now: now, cursor: cursor, limit: limit).run(on: store.database)
    }

    /// The newest visible stories tagged with a topic.
    public func latest(inTopic topicID: UUID, now: Date, before cursor: StoryCursor? = nil, limit: Int)
        async throws -> StoryPage
    {
        try await StoryListQuery(scope: .topic(topicID), now: now, cursor: cursor, limit: limit)
            .run(on: store.database)
    }

    /// The newest visible stories an author wrote or co-wrote.
    public func latest(byAuthor authorID: UUID, now: Date, before cursor: StoryCursor? = nil, limit: Int)
        async throws -> StoryPage
    {
        try await StoryListQuery(scope: .author(authorID), now: now, cursor: cursor, limit: limit)
            .run(on: store.database)
    }

    public func isEmpty() async throws -> Bool {
        try await ArticleRecord.query(on: store.database).first() == nil
    }

    private func visible(_ query: QueryBuilder<ArticleRecord>, now: Date) -> QueryBuilder<ArticleRecord> {
        query.filter(\.$status == ArticleStatus.published.rawValue).filter(\.$publishedAt <= now)
    }

    private func fullyLoaded(_ query: QueryBuilder<ArticleRecord>) async throws -> [ArticleRecord] {
        try await query.with(\.$primaryTopic)
            .with(\.$topicLinks) { $0.with(\.$topic) }
            .with(\.$bylines) { $0.with(\.$author) }
            .all()
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case vanished(String)
    case notSQL

    public var description: String {
        switch self {
        case .vanished(let what): return "\(what) was saved but could not be read back"
        case .notSQL: return "the database does not speak SQL"
        }
    }
}
