import MastheadCore

/// Which of a post's WordPress comments come across, and under which parent: approved ones published,
/// pending ones into the moderation queue; spam, trash, pingbacks and trackbacks left out and counted.
/// A reply whose parent was left out hangs under the nearest ancestor that came across, so no thread
/// loses its replies.
enum WordPressCommentPlanner {
    static func plan(_ comments: [WordPressComment]) -> ([PlannedComment], [ImportSkip]) {
        let byID = Dictionary(comments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var kept: [PlannedComment] = []
        var skipped: [ImportSkip] = []
        var keptIDs: Set<Int> = []
        for comment in comments {
            if let skip = skip(comment) {
                skipped.append(skip)
                continue
            }
            keptIDs.insert(comment.id)
        }
        for comment in comments where keptIDs.contains(comment.id) {
            var parent = comment.parentID
            var seen: Set<Int> = [comment.id]
            while let id = parent, !keptIDs.contains(id), seen.insert(id).inserted { parent = byID[id]?.parentID }
            kept.append(
                PlannedComment(
                    sourceID: String(comment.id),
                    parentSourceID: parent.flatMap { keptIDs.contains($0) ? String($0) : nil },
                    authorName: comment.authorName, authorEmail: comment.authorEmail,
                    body: MarkdownFromHTML.markdown(fromHTML: WordPressBody.paragraphs(comment.content)),
                    postedAt: comment.postedAt, status: comment.status == .approved ? .published : .pending))
        }
        return (kept, skipped)
    }

    private static func skip(_ comment: WordPressComment) -> ImportSkip? {
        switch (comment.kind, comment.status) {
        case (.pingback, _): .pingback
        case (.trackback, _): .trackback
        case (_, .spam): .spamComment
        case (_, .trash): .trashedComment
        case (_, .other): .unknownCommentStatus
        case (.comment, .approved), (.comment, .pending): nil
        }
    }
}
