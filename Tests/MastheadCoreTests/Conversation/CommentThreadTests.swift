import Foundation
import MastheadCore
import Testing

@Suite struct CommentThreadTests {
    let article = UUID()

    @Test func keepsAFlatPageFlatAndInTheGivenOrder() {
        let roots = [comment(at: 30), comment(at: 10), comment(at: 20)]
        let nodes = CommentThread.shape(roots: roots, candidates: [])
        #expect(nodes.map(\.comment) == roots)
        #expect(nodes.allSatisfy { $0.depth == 0 && $0.replies.isEmpty && !$0.continues })
    }

    @Test func showsRepliesAndTheirRepliesUnderTheirRoot() {
        let root = comment(at: 0)
        let reply = comment(at: 1, under: root)
        let answer = comment(at: 2, under: reply)
        let nodes = CommentThread.shape(roots: [root], candidates: [answer, reply])
        let expected = ThreadNode(
            comment: root, depth: 0,
            replies: [ThreadNode(comment: reply, depth: 1, replies: [ThreadNode(comment: answer, depth: 2)])])
        #expect(nodes == [expected])
    }

    @Test func offersToContinueWhereRepliesGoDeeperThanShown() {
        let root = comment(at: 0)
        let reply = comment(at: 1, under: root)
        let answer = comment(at: 2, under: reply)
        let third = comment(at: 3, under: answer)
        let fourth = comment(at: 4, under: third)
        let shown = CommentThread.shape(roots: [root], candidates: [fourth, third, answer, reply])
        let deepest = shown[0].replies[0].replies[0]
        #expect(deepest.comment == answer)
        #expect(deepest.depth == CommentThread.shownDepth)
        #expect(deepest.continues && deepest.replies.isEmpty)
        #expect(!shown[0].continues && !shown[0].replies[0].continues)
    }

    @Test func dropsRepliesWhoseParentIsNotOnThePage() {
        let root = comment(at: 0)
        let hiddenParent = comment(at: 1, under: root)
        let orphan = comment(at: 2, under: hiddenParent)
        let stranger = comment(at: 3, under: comment(at: 0))
        let topLevel = comment(at: 4)
        let nodes = CommentThread.shape(roots: [root], candidates: [orphan, stranger, topLevel])
        #expect(nodes == [ThreadNode(comment: root, depth: 0)])
    }

    @Test func survivesParentCyclesAndDuplicates() {
        var root = comment(at: 0)
        let first = comment(at: 1, under: root)
        let second = comment(at: 2, under: first)
        root.parentID = second.id
        var loopA = comment(at: 5)
        let loopB = comment(at: 6, under: loopA)
        loopA.parentID = loopB.id
        var selfParent = comment(at: 7)
        selfParent.parentID = selfParent.id
        let nodes = CommentThread.shape(
            roots: [root], candidates: [root, first, first, second, loopA, loopB, selfParent])
        let expected = ThreadNode(
            comment: root, depth: 0,
            replies: [ThreadNode(comment: first, depth: 1, replies: [ThreadNode(comment: second, depth: 2)])])
        #expect(nodes == [expected])
    }

    @Test func ordersRepliesOldestFirstAndTiesById() {
        let root = comment(at: 0)
        let late = comment(at: 9, under: root)
        let early = comment(at: 1, under: root)
        let tiedHigh = comment(at: 5, under: root, id: "FFFFFFFF-0000-0000-0000-000000000000")
        let tiedLow = comment(at: 5, under: root, id: "00000000-0000-0000-0000-000000000000")
        for candidates in [[late, tiedHigh, early, tiedLow], [tiedLow, early, tiedHigh, late]] {
            let replies = CommentThread.shape(roots: [root], candidates: candidates)[0].replies
            #expect(replies.map(\.comment) == [early, tiedLow, tiedHigh, late])
            #expect(replies.allSatisfy { $0.depth == 1 })
        }
    }

    @Test func keepsEachRootsRepliesWithIt() {
        let roots = [comment(at: 50), comment(at: 10)]
        let replies = [comment(at: 60, under: roots[1]), comment(at: 55, under: roots[0])]
        let nodes = CommentThread.shape(roots: roots, candidates: replies)
        #expect(nodes.map(\.comment) == roots)
        #expect(nodes.map { $0.replies.map(\.comment) } == [[replies[1]], [replies[0]]])
    }

    @Test func handlesAWideThreadInOnePass() {
        let root = comment(at: 0)
        let replies = (1...2_000).map { comment(at: TimeInterval($0), under: root) }
        let answers = replies.map { comment(at: $0.createdAt.timeIntervalSince1970, under: $0) }
        let nodes = CommentThread.shape(roots: [root], candidates: (answers + replies).reversed())
        #expect(nodes[0].replies.map(\.comment) == replies)
        #expect(nodes[0].replies.allSatisfy { $0.replies.count == 1 })
    }

    private func comment(at seconds: TimeInterval, under parent: MastheadCore.Comment? = nil, id: String? = nil)
        -> MastheadCore.Comment
    {
        MastheadCore.Comment(
            id: id.flatMap(UUID.init(uuidString:)) ?? UUID(), articleID: article, parentID: parent?.id,
            displayName: "Reader", body: "Text", status: .published,
            createdAt: Date(timeIntervalSince1970: 1_739_530_800 + seconds))
    }
}
