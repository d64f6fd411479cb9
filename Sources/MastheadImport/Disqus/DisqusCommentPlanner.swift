import MastheadCore

/// Which of a thread's Disqus posts come across, and under which parent. Disqus exports only what it
/// showed or held, so every post that is neither deleted nor spam is published; deleted and spam ones
/// are left out and counted, and a reply to one of them hangs under the nearest ancestor that came
/// across.
public enum DisqusCommentPlanner {
    public static func plan(_ posts: [DisqusPost]) -> (comments: [PlannedComment], skipped: [ImportSkip]) {
        let byID = Dictionary(posts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var skipped: [ImportSkip] = []
        var keptIDs: Set<String> = []
        for post in posts {
            if post.isSpam {
                skipped.append(.spamComment)
            } else if post.isDeleted {
                skipped.append(.deletedComment)
            } else {
                keptIDs.insert(post.id)
            }
        }
        let comments = posts.filter { keptIDs.contains($0.id) }.map { post in
            var parent = post.parentID
            var seen: Set<String> = [post.id]
            while let id = parent, !keptIDs.contains(id), seen.insert(id).inserted { parent = byID[id]?.parentID }
            return PlannedComment(
                sourceID: post.id, parentSourceID: parent.flatMap { keptIDs.contains($0) ? $0 : nil },
                authorName: post.authorName, authorEmail: post.authorEmail,
                body: MarkdownFromHTML.markdown(fromHTML: post.messageHTML), postedAt: post.createdAt,
                status: .published)
        }
        return (comments, skipped)
    }
}
