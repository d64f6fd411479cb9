import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@Suite struct CommentRepositoryTests {
    @Test func theConversationShowsPublishedCommentsOldestFirst() async throws {
        try await FreshDatabase.with { store in
            let newsroom = Newsroom(store: store)
            try await newsroom.setUp()
            let article = try await newsroom.article(1)
            func comment(_ body: String, minutesAgo: Int, status: CommentStatus = .published) -> MastheadCore.Comment {
                MastheadCore.Comment(
                    id: UUID(), articleID: article.id, displayName: "Reader", body: body, status: status,
                    createdAt: newsroom.now.addingTimeInterval(TimeInterval(-minutesAgo * 60)))
            }
            try await store.commentActions.add(comment("second", minutesAgo: 5))
            try await store.commentActions.add(comment("first", minutesAgo: 10))
            try await store.commentActions.add(comment("held", minutesAgo: 7, status: .pending))
            try await store.commentActions.add(comment("spam", minutesAgo: 6, status: .spam))
            let shown = try await store.comments.slice(onArticle: article.id, order: .oldest).roots
            #expect(shown.map(\.body) == ["first", "second"])
            #expect(try await store.comments.all(onArticle: article.id).count == 4)
        }
    }
}
