import FluentKit
import Foundation
import MastheadCore
import MastheadTesting
import SQLKit
import Testing

@testable import MastheadStore

/// A page of a long conversation walks an index in its order and stops after a page, without sorting
/// the whole conversation: the plan says so on both databases.
@Suite struct CommentPlanTests {
    @Test(arguments: [
        (CommentOrder.oldest, "comments_article_oldest"), (.newest, "comments_article_oldest"),
        (.mostLiked, "comments_article_liked"),
    ])
    func eachOrderWalksItsIndex(order: CommentOrder, index: String) async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            for number in 0..<30 {
                try await store.commentActions.add(
                    MastheadCore.Comment(
                        id: UUID(), articleID: talk.article.id, displayName: "R", body: "Comment \(number)",
                        status: .published, likeCount: number % 4, createdAt: talk.now))
            }
            let sql = try #require(store.database as? any SQLDatabase)
            let cursor = CommentCursor(order: order, createdAt: talk.now, likeCount: 2, id: UUID())
            for after in [nil, cursor] {
                let plan = try await QueryPlan.explain(
                    CommentRepository.roots(onArticle: talk.article.id, order: order, after: after, limit: 51),
                    on: sql)
                #expect(plan.contains(index), "\(order): \(plan)")
                #expect(!plan.contains("TEMP B-TREE") && !plan.contains("Sort"), "\(order), no sort: \(plan)")
            }
        }
    }
}
