import Foundation

/// Shapes a page of comments into the tree readers see: each top-level comment with its replies, two
/// levels deep. Deeper replies are not dropped but left for a "continue this thread" page that starts
/// where this one stops, so a long back-and-forth never squeezes a page into a narrow column.
public enum CommentThread {
    public static let shownDepth = 2

    /// roots: in display order (already sorted and paginated by the caller). candidates: any comments
    /// that may be replies under these roots, at any depth, in any order (the caller fetches by
    /// thread); comments whose parent chain does not lead to one of the roots are ignored (their parent
    /// is hidden or not on this page). A node at depth == ``shownDepth`` that has replies gets
    /// `continues = true` and `replies = []`.
    ///
    /// Bad data cannot make this loop or show a comment twice: the walk only goes down from the roots
    /// and stops at ``shownDepth``, each comment has one parent so it sits under one node, a candidate
    /// listed twice counts once, and a candidate that is one of the roots is never also a reply.
    public static func shape(roots: [Comment], candidates: [Comment]) -> [ThreadNode] {
        let rootIDs = Set(roots.map(\.id))
        var seen: Set<UUID> = []
        var repliesByParent: [UUID: [Comment]] = [:]
        for candidate in candidates {
            guard let parentID = candidate.parentID, !rootIDs.contains(candidate.id),
                seen.insert(candidate.id).inserted
            else { continue }
            repliesByParent[parentID, default: []].append(candidate)
        }
        func node(_ comment: Comment, depth: Int) -> ThreadNode {
            let replies = repliesByParent[comment.id] ?? []
            guard depth < shownDepth else {
                return ThreadNode(comment: comment, depth: depth, continues: !replies.isEmpty)
            }
            let shown = replies.sorted(by: readsBefore).map { node($0, depth: depth + 1) }
            return ThreadNode(comment: comment, depth: depth, replies: shown)
        }
        return roots.map { node($0, depth: 0) }
    }

    /// Replies read in the order they were written; the id breaks ties so that two replies posted in
    /// the same instant keep their places from one page load to the next.
    static func readsBefore(_ first: Comment, _ second: Comment) -> Bool {
        if first.createdAt != second.createdAt { return first.createdAt < second.createdAt }
        return first.id.uuidString < second.id.uuidString
    }
}
