import Foundation
import MastheadCore

/// One comment on the page, with what this reader may do to it and the replies shown under it.
struct CommentView: TemplateContext {
    struct Viewer {
        /// The reader (or guest) looking, and the time it is for them.
        let policy: ConversationPolicy
        let liked: Set<UUID>
        let canReply: Bool
        let article: Slug
        let timeZone: TimeZone
    }

    let id: String
    let anchor: String
    let displayName: String
    let badge: String?
    let bodyHTML: String
    let isDeleted: Bool
    let timeLabel: String
    let isoTime: String
    let isEdited: Bool
    let likeLabel: String
    /// Kept as a flag: "0 likes" under every comment is noise.
    let hasLikes: Bool
    let isLiked: Bool
    let likeAction: String?
    let reportURL: String?
    let replyAction: String?
    let editURL: String?
    let deleteAction: String?
    let depth: Int
    let replies: [CommentView]
    let hasReplies: Bool
    let continueURL: String?

    init(_ node: ThreadNode, viewer: Viewer) {
        self.init(
            node.comment, viewer: viewer, depth: node.depth,
            replies: node.replies.map { CommentView($0, viewer: viewer) },
            continues: node.continues)
    }

    /// An editor's pick above the thread: the same comment appears in the thread too, so here it has
    /// its own anchor and is replied to where it stands in the thread.
    init(pick comment: Comment, viewer: Viewer) {
        self.init(comment, viewer: viewer, depth: 0, replies: [], continues: false, isPick: true)
    }

    private init(
        _ comment: Comment, viewer: Viewer, depth: Int, replies: [CommentView], continues: Bool, isPick: Bool = false
    ) {
        let idText = comment.id.lowercasedString
        let slug = viewer.article
        id = idText
        anchor = (isPick ? "pick-" : "comment-") + idText
        displayName = comment.displayName
        badge = comment.badge?.label
        bodyHTML = comment.bodyHTML
        isDeleted = comment.isDeleted
        timeLabel = TimeLabel.label(for: comment.createdAt, now: viewer.policy.now, timeZone: viewer.timeZone)
        isoTime = TimeLabel.iso8601(comment.createdAt)
        isEdited = comment.editedAt != nil
        hasLikes = comment.likeCount > 0
        likeLabel = comment.likeCount == 1 ? "1 like" : "\(comment.likeCount) likes"
        isLiked = viewer.liked.contains(comment.id)
        let policy = viewer.policy
        likeAction = policy.mayLike(comment) ? ReaderRoute.commentLike(slug, comment.id).path : nil
        reportURL = policy.mayReport(comment) ? ReaderRoute.commentReport(slug, comment.id).path : nil
        // A pick is replied to where it stands in the thread.
        replyAction =
            !comment.isDeleted && viewer.canReply && !isPick ? ReaderRoute.articleComments(slug).path : nil
        editURL = policy.mayEdit(comment) ? ReaderRoute.commentEdit(slug, comment.id).path : nil
        deleteAction = policy.mayDelete(comment) ? ReaderRoute.commentDelete(slug, comment.id).path : nil
        self.depth = depth
        self.replies = replies
        hasReplies = !replies.isEmpty
        continueURL = continues ? ReaderRoute.commentThread(slug, comment.id).path : nil
    }
}
