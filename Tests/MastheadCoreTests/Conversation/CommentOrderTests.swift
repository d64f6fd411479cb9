import MastheadCore
import Testing

@Suite struct CommentOrderTests {
    @Test func readsEachOrderFromItsQueryValue() {
        #expect(CommentOrder(query: "oldest") == .oldest)
        #expect(CommentOrder(query: "newest") == .newest)
        #expect(CommentOrder(query: "liked") == .mostLiked)
    }

    @Test func fallsBackToOldestFirst() {
        for query in [nil, "", "mostLiked", "Newest", " newest", "random"] {
            #expect(CommentOrder(query: query) == .oldest)
        }
    }

    @Test func namesEachOrderForTheSortMenu() {
        #expect(CommentOrder.allCases.map(\.label) == ["Oldest first", "Newest first", "Most liked"])
    }
}
