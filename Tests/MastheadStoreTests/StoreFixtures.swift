import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting

/// Small builders for store tests: one author, one topic, and stories a minute apart.
struct Newsroom {
    let store: Store
    let author = Author(id: UUID(), name: "Anna Kowalska", slug: Slug("anna-kowalska")!, bio: "Diplomacy.")
    let coAuthor = Author(id: UUID(), name: "Jan Nowak", slug: Slug("jan-nowak")!)
    let topic = Topic(id: UUID(), name: "US Tariffs", slug: Slug("us-tariffs")!)
    let now = Date(timeIntervalSince1970: 1_739_530_800)

    func setUp() async throws {
        try await store.authors.create(author)
        try await store.authors.create(coAuthor)
        try await store.topics.create(topic)
    }

    @discardableResult
    func article(
        _ index: Int, minutesAgo: Int? = nil, status: ArticleStatus = .published, topic: Topic? = nil,
        authors: [Author]? = nil
    ) async throws -> Article {
        try await store.articles.create(
            ArticleDraft(
                id: UUID(), slug: Slug("story-\(index)")!, headline: "Story \(index)", lede: "Lede \(index).",
                bodyMarkdown: "Body of story \(index).", status: status,
                publishedAt: now.addingTimeInterval(TimeInterval(-(minutesAgo ?? index) * 60)),
                primaryTopic: topic, authors: authors ?? [author]))
    }
}
