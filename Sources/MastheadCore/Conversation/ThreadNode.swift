import Foundation

/// One comment as readers see it in a thread, with the replies shown beneath it.
public struct ThreadNode: Sendable, Equatable {
    public var comment: Comment
    /// 0 for the top-level comments of the page, 1 for their replies, and so on.
    public var depth: Int
    /// Oldest first, as a conversation reads; comments posted in the same instant by id.
    public var replies: [ThreadNode]
    /// Replies exist deeper than shown: the page offers "continue this thread" at this node.
    public var continues: Bool

    public init(comment: Comment, depth: Int, replies: [ThreadNode] = [], continues: Bool = false) {
        self.comment = comment
        self.depth = depth
        self.replies = replies
        self.continues = continues
    }
}
