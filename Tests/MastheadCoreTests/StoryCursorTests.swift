import Foundation
import MastheadCore
import Testing

@Suite struct StoryCursorTests {
    @Test func roundTripsThroughItsToken() {
        let cursor = StoryCursor(publishedAt: Date(timeIntervalSince1970: 1_739_530_800.75), id: UUID())
        #expect(StoryCursor(token: cursor.token) == cursor)
        #expect(cursor.publishedAt.timeIntervalSince1970 == 1_739_530_800)
    }

    @Test func rejectsMalformedTokens() {
        #expect(StoryCursor(token: "") == nil)
        #expect(StoryCursor(token: "abc_def") == nil)
        #expect(StoryCursor(token: "123") == nil)
        #expect(StoryCursor(token: "123_not-a-uuid") == nil)
        let id = UUID().uuidString
        #expect(StoryCursor(token: "9223372036854775807_\(id)") == nil)
        #expect(StoryCursor(token: "10000000000000_\(id)") == nil)
        #expect(StoryCursor(token: "-1_\(id)") == nil)
        #expect(StoryCursor(token: "253402300799_\(id)")?.token == "253402300799_\(id.lowercased())")
    }

    @Test func aPageKnowsWhetherMoreFollow() {
        let stories = (0..<3).map { index in
            StorySummary(
                id: UUID(), slug: Slug("s-\(index)")!, headline: "", lede: "", status: .published,
                publishedAt: Date(timeIntervalSince1970: TimeInterval(1000 - index)))
        }
        let full = StoryPage(fetched: stories, pageSize: 2)
        #expect(full.stories.count == 2)
        #expect(full.next == StoryCursor(publishedAt: stories[1].publishedAt!, id: stories[1].id))
        #expect(StoryPage(fetched: Array(stories.prefix(2)), pageSize: 2).next == nil)
    }
}
