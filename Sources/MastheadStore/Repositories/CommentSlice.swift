import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// One page of a conversation: its top-level comments, the replies fetched under them, and where the
/// next page starts.
public struct CommentSlice: Sendable, Equatable {
    public var roots: [Comment]
    public var replies: [Comment]
    public var next: CommentCursor?
    /// Threads with more replies than a page fetches: they continue on their own page.
    public var truncated: Set<UUID> = []

    public var threads: [ThreadNode] {
        CommentThread.shape(roots: roots, candidates: replies).map { node in
            var node = node
            if truncated.contains(node.comment.id) { node.continues = true }
            return node
        }
    }
}
