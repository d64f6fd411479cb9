import Foundation
import MastheadCore
import MastheadTesting
import SQLKit
import Testing

@testable import MastheadStore

/// The visibility rule exists once, as the SQL expression in ``VisibleArticles``, and every way the
/// store reads stories for readers goes through it.
@Suite struct VisibilityRuleTests {
    /// The rule's telling pieces, as SQL text, as SQLKit builder calls and as FluentKit filters.
    static let pieces = [
        #"embargo_until\s+IS\s+NULL"#, #"embargo_until\s*<="#, #"published_at\s*<="#,
        #""(embargo_until|published_at)"(\s*,\s*table:\s*[^)]*\))?\s*,\s*\.(is|lessThanOrEqual)\b"#,
        #"\.\$embargoUntil\s*(<=|==\s*nil)"#, #"\.\$publishedAt\s*<="#, #"\.\$live\s*=="#,
    ]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func theRuleIsWrittenOnlyInVisibleArticles() throws {
        let pieces = try Self.pieces.map { try Regex($0).ignoresCase() }
        var holders: Set<String> = []
        for target in ["MastheadStore", "MastheadWeb"] {
            let folder = Self.sources.appendingPathComponent(target)
            let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            for case let file as URL in files where file.pathExtension == "swift" {
                let text = try String(contentsOf: file, encoding: .utf8)
                if pieces.contains(where: { text.contains($0) }) {
                    holders.insert(file.path.replacingOccurrences(of: Self.sources.path + "/", with: ""))
                }
            }
        }
        // Found in its own file, so the scan is known to see the sources and recognise the rule.
        #expect(holders == ["MastheadStore/VisibleArticles.swift"])
    }

    @Test func aStatementEmbeddingTheRuleHasOneTextWhateverTheTime() async throws {
        try await FreshDatabase.with { store in
            let sql = try #require(store.database as? any SQLDatabase)
            let texts = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_739_530_800)].map { now in
                var serializer = SQLSerializer(database: sql)
                ArticleRows.query(slug: Slug("talks")!, now: now).serialize(to: &serializer)
                return serializer.sql
            }
            // The statement cache of SQLite reads is keyed by this text.
            #expect(texts[0] == texts[1])
            #expect(texts[0].contains("\"a\".\"embargo_until\" IS NULL"), "\(texts[0])")
        }
    }

    @Test func everyReaderReadHidesAnEmbargoedStoryUntilItLifts() async throws {
        try await FreshDatabase.with { store in
            let newsroom = Newsroom(store: store)
            try await newsroom.setUp()
            let lifts = newsroom.now.addingTimeInterval(3_600)
            var draft = ArticleDraft(
                id: UUID(), slug: Slug("held-back")!, headline: "Held back", lede: "Lede.", bodyMarkdown: "Body.",
                status: .published, publishedAt: newsroom.now.addingTimeInterval(-600), authors: [newsroom.author])
            draft.embargoUntil = lifts
            _ = try await store.articles.create(draft)
            let slug = Slug("held-back")!

            for (now, shown) in [(newsroom.now, false), (lifts, true)] {
                let articles = store.articles
                #expect((try await articles.visible(slug: slug, now: now) != nil) == shown, "the page, SQL text")
                #expect(
                    try await articles.latest(now: now, limit: 10).articles.map(\.slug).contains(slug) == shown,
                    "a list, SQLKit")
                #expect(
                    try await articles.latest(byAuthor: newsroom.author.id, now: now, limit: 10).articles.map(\.slug)
                        .contains(slug) == shown, "an author's list, SQLKit")
                #expect(
                    try await articles.feed(.site, now: now, limit: 10).map(\.slug).contains(slug) == shown,
                    "a feed, FluentKit")
                #expect(try await articles.visibleCount(now: now) == (shown ? 1 : 0), "the sitemap count, FluentKit")
                #expect(
                    try await articles.sitemapPage(0, size: 10, now: now).map(\.slug).contains(slug) == shown,
                    "a sitemap page, SQLKit")
            }
        }
    }
}
