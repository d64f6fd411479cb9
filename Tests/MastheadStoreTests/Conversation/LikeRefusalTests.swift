import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

/// A like is refused by the write layer itself, as ``ConversationPolicy`` says, not only by the form
/// that offers it: every surface that calls the action gets the same answer.
@Suite struct LikeRefusalTests {
    @Test func anUnconfirmedReaderAndTheAuthorCannotLikeAComment() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let author = try await talk.reader("Ala")
            var newcomer = try await talk.reader("Bob")
            newcomer.verifiedAt = nil
            let comment = try #require(try await talk.post("Worth liking?", by: author).comment)
            await #expect(
                throws: ActionError.notAllowed("Please confirm your email address first, then like comments.")
            ) {
                try await store.commentActions.toggleLike(comment.id, by: newcomer, now: talk.now)
            }
            await #expect(throws: ActionError.notAllowed("You cannot like your own comment.")) {
                try await store.commentActions.toggleLike(comment.id, by: author, now: talk.now)
            }
            #expect(try await store.comments.find(comment.id)?.likeCount == 0)
            #expect(try await store.comments.liked(by: author.id, among: [comment.id]).isEmpty)
            #expect(try await store.comments.liked(by: newcomer.id, among: [comment.id]).isEmpty)
        }
    }
}
