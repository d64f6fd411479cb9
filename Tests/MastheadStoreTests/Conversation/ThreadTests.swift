import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@Suite struct ThreadTests {
    @Test func repliesAreShownTwoLevelsDeepThenTheThreadContinuesOnItsOwnPage() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let readers = [try await talk.reader("Ala"), try await talk.reader("Bob"), try await talk.reader("Cyd")]
            var parent: UUID?
            var chain: [UUID] = []
            for level in 0..<4 {
                let posted = try await talk.post(
                    "Level \(level) of the thread, said plainly.", by: readers[level % 3], parent: parent,
                    address: "r\(level)", secondsLater: TimeInterval(level))
                let comment = try #require(posted.comment)
                #expect(comment.depth == level)
                #expect(comment.threadID == chain.first ?? comment.id)
                chain.append(comment.id)
                parent = comment.id
            }
            let page = try await store.comments.slice(onArticle: talk.article.id, order: .oldest)
            let top = try #require(page.threads.first)
            #expect(page.threads.count == 1)
            let second = try #require(top.replies.first?.replies.first)
            #expect(second.depth == 2)
            #expect(second.replies.isEmpty)
            #expect(second.continues)
            let rest = try #require(try await store.comments.subthread(chain[2]))
            let continued = CommentThread.shape(roots: [rest.root], candidates: rest.replies)
            #expect(continued.first?.replies.map(\.comment.id) == [chain[3]])
        }
    }

    @Test func aReplyToACommentOnAnotherStoryOrAHiddenOneIsRefused() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let held = try #require(try await talk.post("A guest's words.", by: nil).comment)
            let regular = try await talk.reader()
            await #expect(throws: ActionError.notFound("The comment you replied to is no longer there.")) {
                try await talk.post("Replying to nothing visible", by: regular, parent: held.id)
            }
        }
    }

    @Test(arguments: CommentOrder.allCases)
    func pagesFollowEachOtherWithoutGapsOrRepeats(order: CommentOrder) async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let base = talk.now
            for index in 0..<120 {
                // Every third pair shares a second, so the cursor's id breaks ties.
                try await store.commentActions.add(
                    MastheadCore.Comment(
                        id: UUID(), articleID: talk.article.id, displayName: "R\(index)", body: "Comment \(index)",
                        status: .published, likeCount: index % 7,
                        createdAt: base.addingTimeInterval(TimeInterval(index - index % 3))))
            }
            var seen: [UUID] = []
            var cursor: CommentCursor?
            var pages = 0
            repeat {
                let page = try await store.comments.slice(onArticle: talk.article.id, order: order, after: cursor)
                seen += page.roots.map(\.id)
                cursor = page.next
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 3)
            #expect(seen.count == 120)
            #expect(Set(seen).count == 120)
            let all = try await store.comments.all(onArticle: talk.article.id)
            let expected: [MastheadCore.Comment]
            switch order {
            case .oldest: expected = all.sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
            case .newest: expected = all.sorted { ($0.createdAt, $0.id.uuidString) > ($1.createdAt, $1.id.uuidString) }
            case .mostLiked:
                expected = all.sorted {
                    ($0.likeCount, $0.createdAt, $0.id.uuidString) > ($1.likeCount, $1.createdAt, $1.id.uuidString)
                }
            }
            // Ids compare as the database stores them; the order of whole seconds and likes is what
            // readers see, so that is what is checked.
            #expect(seen.compactMap { id in all.first { $0.id == id } }.map(\.likeCount) == expected.map(\.likeCount))
            #expect(seen.compactMap { id in all.first { $0.id == id } }.map(\.createdAt) == expected.map(\.createdAt))
        }
    }

    @Test func aThreadWithMoreRepliesThanAPageTakesContinuesOnItsOwnPage() async throws {
        try await FreshDatabase.with { store in
            let talk = try await Conversation.make(store)
            let root = UUID()
            try await store.commentActions.add(
                MastheadCore.Comment(
                    id: root, articleID: talk.article.id, displayName: "Root", body: "Start", status: .published,
                    createdAt: talk.now))
            for index in 0...CommentRepository.repliesPerThread {
                try await store.commentActions.add(
                    MastheadCore.Comment(
                        id: UUID(), articleID: talk.article.id, parentID: root, threadID: root, depth: 1,
                        displayName: "R", body: "Reply \(index)", status: .published,
                        createdAt: talk.now.addingTimeInterval(TimeInterval(index + 1))))
            }
            let page = try await store.comments.slice(onArticle: talk.article.id, order: .oldest)
            let thread = try #require(page.threads.first)
            #expect(thread.replies.count == CommentRepository.repliesPerThread)
            #expect(thread.continues)
        }
    }
}
