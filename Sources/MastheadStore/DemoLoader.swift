import FluentKit
import Foundation
import MastheadCore

/// Writes the demo edition into a database.
public struct DemoLoader: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Loads the demo into an empty database, with `generated` filler stories behind it. A database with
    /// articles is refused unless `replacingExisting` is set, in which case every article, topic, author
    /// and comment goes first.
    public func load(_ edition: DemoEdition, replacingExisting: Bool, generated: Int = 0) async throws {
        if try await !store.articles.isEmpty() {
            guard replacingExisting else { throw DemoError.databaseNotEmpty(store.location.description) }
            try await deleteContent()
        }
        for author in edition.authors { try await store.authors.create(author) }
        for topic in edition.topics { try await store.topics.create(topic) }
        if generated >= DemoEdition.rareTopicEvery { try await store.topics.create(DemoEdition.rareTopic) }
        // In transactions of a thousand stories: a commit per statement made a large archive slow to load.
        // Oldest first, as a newsroom publishes: the search index's row order then follows publication,
        // which is how search picks the newest matches to rank (``SearchIndex/rankedMatches``).
        let drafts = Array((edition.articles + edition.generatedStories(count: generated)).reversed())
        for start in stride(from: 0, to: drafts.count, by: 1_000) {
            let batch = Array(drafts[start..<min(start + 1_000, drafts.count)])
            try await store.database.transaction { database in
                for draft in batch { try await ArticleRepository(database: database).create(draft) }
            }
        }
        try await store.siteSettings.save(edition.settings)
        // A load-test archive gets rails for its newest stories only; `masthead reindex` does the rest.
        try await DiscoveryIndex(store: store).rebuild(now: Date(), railsForNewest: generated > 0 ? 1_000 : nil) {
            _, _, _ in
        }
    }

    private func deleteContent() async throws {
        try await store.database.transaction { database in
            try await CommentLikeRecord.query(on: database).delete()
            try await CommentReportRecord.query(on: database).delete()
            try await ModerationLogRecord.query(on: database).delete()
            try await CommentRecord.query(on: database).delete()
            try await BylineRecord.query(on: database).delete()
            try await ArticleTopicRecord.query(on: database).delete()
            try await SearchIndex.removeAll(on: database)
            try await DiscoveryIndex.removeAll(on: database)
            try await ArticleRecord.query(on: database).delete()
            try await TopicRecord.query(on: database).delete()
            try await AuthorRecord.query(on: database).delete()
        }
    }
}

public enum DemoError: Error, CustomStringConvertible {
    case databaseNotEmpty(String)

    public var description: String {
        switch self {
        case .databaseNotEmpty(let location):
            return "\(location) already holds articles; the demo loads only into an empty database. "
                + "Run `masthead demo --replace-existing` to delete the existing content and load the demo."
        }
    }
}
