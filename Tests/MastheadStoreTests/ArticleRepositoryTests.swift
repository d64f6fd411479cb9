import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import SQLKit
import Testing

@Suite struct ArticleRepositoryTests {
    @Test func savesAnArticleWithItsTopicsBylineAndSanitizedBody() async throws {
        try await FreshDatabase.with { store in
            let newsroom = Newsroom(store: store)
            try await newsroom.setUp()
            let saved = try await store.articles.create(
                ArticleDraft(
                    id: UUID(), slug: Slug("tariffs")!, headline: "Tariffs", lede: "Lede.",
                    bodyMarkdown: "Hello <script>alert(1)</script> **world**", dateline: "Washington",
                    status: .published, publishedAt: newsroom.now.addingTimeInterval(0.9),
                    primaryTopic: newsroom.topic, authors: [newsroom.coAuthor, newsroom.author]))
            // GFM's tag filter turns the raw script into text; the sanitizer would drop it otherwise.
            #expect(saved.bodyHTML == "<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; <strong>world</strong></p>\n")
            #expect(saved.primaryTopic == newsroom.topic)
            #expect(saved.topics == [newsroom.topic])
            #expect(saved.authors.map(\.name) == ["Jan Nowak", "Anna Kowalska"])
            #expect(saved.dateline == "Washington")
            #expect(saved.publishedAt == newsroom.now)
        }
    }

    @Test func readersSeeOnlyPublishedStoriesWhoseTimeHasCome() async throws {
        try await FreshDatabase.with { store in
            let newsroom = Newsroom(store: store)
            try await newsroom.setUp()
            try await newsroom.article(1)
            try await newsroom.article(2, status: .draft)
            try await newsroom.article(3, minutesAgo: -60)
            #expect(try await store.articles.visible(slug: Slug("story-1")!, now: newsroom.now) != nil)
            #expect(try await store.articles.visible(slug: Slug("story-2")!, now: newsroom.now) == nil)
            #expect(try await store.articles.visible(slug: Slug("story-3")!, now: newsroom.now) == nil)
            let page = try await store.articles.latest(now: newsroom.now, limit: 10)
            #expect(page.articles.map(\.headline) == ["Story 1"])
        }
    }

    @Test func pagesWalkTheWholeListWithoutGapsOrRepeats() async throws {
        try await FreshDatabase.with { store in
            let newsroom = Newsroom(store: store)
            try await newsroom.setUp()
            // Pairs share a publication time, so the id has to break ties across page boundaries.
            for index in 1...25 { try await newsroom.article(index, minutesAgo: (index + 1) / 2) }
            var seen: [String] = []
            var cursor: ArticleCursor?
            var pages = 0
            repeat {
                let page = try await store.articles.latest(now: newsroom.now, before: cursor, limit: 7)
                seen += page.articles.map(\.headline)
                cursor = page.next
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 4)
            #expect(seen.count == 25)
            #expect(Set(seen).count == 25)
            let times = try await store.articles.latest(now: newsroom.now, limit: 25).articles.map(\.publishedAt!)
            #expect(times == times.sorted(by: >))
        }
    }

    @Test func topicAndAuthorListsHoldTheirOwnStories() async throws {
        try await FreshDatabase.with { store in
            let newsroom = Newsroom(store: store)
            try await newsroom.setUp()
            try await newsroom.article(1, topic: newsroom.topic)
            try await newsroom.article(2)
            try await newsroom.article(3, topic: newsroom.topic, authors: [newsroom.coAuthor])
            let topical = try await store.articles.latest(inTopic: newsroom.topic.id, now: newsroom.now, limit: 10)
            #expect(topical.articles.map(\.headline) == ["Story 1", "Story 3"])
            #expect(topical.articles.allSatisfy { $0.primaryTopic == newsroom.topic })
            let byAnna = try await store.articles.latest(byAuthor: newsroom.author.id, now: newsroom.now, limit: 10)
            #expect(byAnna.articles.map(\.headline) == ["Story 1", "Story 2"])
        }
    }

    @Test func aListCostsTheSameQueriesHoweverLongItIs() async throws {
        try await FreshDatabase.with { store in
            let newsroom = Newsroom(store: store)
            try await newsroom.setUp()
            for index in 1...3 { try await newsroom.article(index, topic: newsroom.topic) }
            let history = QueryLog()
            _ = try await store.recordingQueries(into: history).articles.latest(now: newsroom.now, limit: 20)
            let few = history.statements.count
            for index in 4...20 { try await newsroom.article(index, topic: newsroom.topic) }
            let historyAgain = QueryLog()
            _ = try await store.recordingQueries(into: historyAgain).articles.latest(now: newsroom.now, limit: 20)
            #expect(few == 1)
            #expect(historyAgain.statements.count == few)
        }
    }
}

@Suite struct ArticleBodyRerenderTests {
    @Test func everyStoredBodyIsRenderedAgainFromItsMarkdown() async throws {
        try await FreshDatabase.with { store in
            let newsroom = Newsroom(store: store)
            try await newsroom.setUp()
            for index in 1...3 { try await newsroom.article(index) }
            // What an older renderer left behind.
            let sql = try #require(store.database as? any SQLDatabase)
            try await sql.update("articles").set("body_html", to: "<p>rendered by Ink</p>").run()
            #expect(try await store.rerenderArticleBodies() == 3)
            let story = try #require(try await store.articles.visible(slug: Slug("story-2")!, now: newsroom.now))
            #expect(story.bodyHTML == "<p>Body of story 2.</p>\n")
        }
    }
}
