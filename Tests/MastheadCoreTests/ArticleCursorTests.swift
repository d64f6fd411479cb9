import Foundation
import MastheadCore
import Testing

@Suite struct ArticleCursorTests {
    @Test func roundTripsThroughItsToken() {
        let cursor = ArticleCursor(publishedAt: Date(timeIntervalSince1970: 1_739_530_800.75), id: UUID())
        #expect(ArticleCursor(token: cursor.token) == cursor)
        #expect(cursor.publishedAt.timeIntervalSince1970 == 1_739_530_800)
    }

    @Test func rejectsMalformedTokens() {
        #expect(ArticleCursor(token: "") == nil)
        #expect(ArticleCursor(token: "abc_def") == nil)
        #expect(ArticleCursor(token: "123") == nil)
        #expect(ArticleCursor(token: "123_not-a-uuid") == nil)
        let id = UUID().uuidString
        #expect(ArticleCursor(token: "9223372036854775807_\(id)") == nil)
        #expect(ArticleCursor(token: "10000000000000_\(id)") == nil)
        #expect(ArticleCursor(token: "-1_\(id)") == nil)
        #expect(ArticleCursor(token: "253402300799_\(id)")?.token == "253402300799_\(id.lowercased())")
    }

    @Test func aPageKnowsWhetherMoreFollow() {
        let stories = (0..<3).map { index in
            ArticleSummary(
                id: UUID(), slug: Slug("s-\(index)")!, headline: "", lede: "", status: .published,
                publishedAt: Date(timeIntervalSince1970: TimeInterval(1000 - index)))
        }
        let full = ArticleSlice(fetched: stories, pageSize: 2)
        #expect(full.articles.count == 2)
        #expect(full.next == ArticleCursor(publishedAt: stories[1].publishedAt!, id: stories[1].id))
        #expect(ArticleSlice(fetched: Array(stories.prefix(2)), pageSize: 2).next == nil)
    }
}
