import Foundation
import MastheadCore
import MastheadStore

/// The conversation under an article as the page shows it: editor's picks, a page of threads in the
/// reader's chosen order, the reader's own held or rejected comments with the reason, and the form.
struct ConversationContext: TemplateContext {
    let countLabel: String
    let hasComments: Bool
    let picks: [CommentView]
    let hasPicks: Bool
    let threads: [CommentView]
    let orders: [OrderLink]
    let nextPageURL: String?
    let own: [OwnCommentView]
    let hasOwn: Bool
    let notice: String?
    let isClosed: Bool
    let form: CommentFormContext?
    let reader: ReaderBar?
    let signInURL: String
    let signUpURL: String
    /// Only signed-in readers may post here (guests are off) and this one is not.
    let needsAccount: Bool
    /// The form's token, repeated by every form on the page (replies, likes, reports).
    /// Nil on the page every anonymous reader shares: its form is checked by origin (``ReaderForm``).
    let csrfToken: String?
    let liveURL: String
    /// Reply forms ask a guest's name; a signed-in reader posts under their account's.
    let guestForm: Bool
    let maxBodyLength: Int
    /// Live updates; the page works without it.
    let scriptURL: String

    struct Input {
        var article: Article
        var page: CommentSlice
        var picks: [Comment]
        var own: [Comment]
        var liked: Set<UUID>
        var order: CommentOrder
        var reader: Commenter?
        var form: CommentFormContext
        var notice: String?
    }

    init(_ input: Input, site: Site, now: Date) {
        let zone = site.settings.timeZone
        let slug = input.article.slug
        let policy = ConversationPolicy(reader: input.reader, now: now)
        let invitation = policy.invitation(on: ConversationTarget(input.article), settings: site.settings)
        let canPost = invitation == .form
        let viewer = CommentView.Viewer(
            policy: policy, liked: input.liked, canReply: canPost, article: slug, timeZone: zone)
        countLabel = CommentCount.label(input.article.commentCount)
        hasComments = !input.page.roots.isEmpty
        picks = input.picks.map { CommentView(pick: $0, viewer: viewer) }
        hasPicks = !input.picks.isEmpty
        threads = input.page.threads.map { CommentView($0, viewer: viewer) }
        orders = CommentOrder.allCases.map {
            OrderLink(
                label: $0.label, url: ReaderRoute.conversation(slug, order: $0, after: nil).path,
                isCurrent: $0 == input.order)
        }
        nextPageURL = input.page.next.map { ReaderRoute.conversation(slug, order: input.order, after: $0).path }
        own = input.own.map { OwnCommentView($0, now: now, timeZone: zone) }
        hasOwn = !input.own.isEmpty
        notice = input.notice
        isClosed = invitation == .closed
        form = canPost || input.form.hasProblems ? input.form : nil
        reader = input.reader.map { ReaderBar($0, returnTo: ReaderRoute.article(slug).path) }
        let back = ReaderRoute.article(slug).path + "#comments"
        signInURL = ReaderRoute.signIn(next: back).path
        signUpURL = ReaderRoute.signUp(next: back).path
        needsAccount = invitation == .account
        csrfToken = input.form.csrfToken
        liveURL = ReaderRoute.liveComments(slug).path
        guestForm = input.reader == nil
        maxBodyLength = site.settings.comments.policy.maximumLength
        scriptURL = site.theme.assets.url(for: "comments.js")
    }
}

struct OrderLink: TemplateContext {
    let label: String
    let url: String
    let isCurrent: Bool
}

/// Who is signed in, above the form.
struct ReaderBar: TemplateContext {
    let displayName: String
    let isVerified: Bool
    let accountURL: String
    let signOutAction: String

    init(_ reader: Commenter, returnTo: String) {
        displayName = reader.displayName
        isVerified = reader.isVerified
        accountURL = ReaderRoute.account.path
        signOutAction = ReaderRoute.signOut.path
    }
}

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

/// The reader's own comment that others do not see yet, or will not: marked, with the reason.
struct OwnCommentView: TemplateContext {
    let anchor: String
    let bodyHTML: String
    let statusLabel: String
    let reason: String?
    let timeLabel: String
    let isoTime: String

    init(_ comment: Comment, now: Date, timeZone: TimeZone) {
        anchor = "comment-\(comment.id.lowercasedString)"
        bodyHTML = comment.bodyHTML
        statusLabel = comment.status == .pending ? "Waiting for a moderator" : "Not published"
        reason = comment.reason?.explanation
        timeLabel = TimeLabel.label(for: comment.createdAt, now: now, timeZone: timeZone)
        isoTime = TimeLabel.iso8601(comment.createdAt)
    }
}

/// The comment form, with whatever the reader typed when it comes back with a problem.
struct CommentFormContext: TemplateContext {
    let action: String
    /// Nil on the page every anonymous reader shares: its form is checked by origin (``ReaderForm``).
    let csrfToken: String?
    let displayName: String
    let body: String
    let parentID: String?
    let problems: [String]
    let hasProblems: Bool
    /// A signed-in reader posts under their account's name; only guests type one.
    let asGuest: Bool
    let maxBodyLength: Int
    let maxNameLength: Int

    init(
        article: Slug, csrfToken: String?, displayName: String = "", body: String = "", parentID: UUID? = nil,
        problems: [String] = [], asGuest: Bool = true, maxBodyLength: Int = CommentSubmission.maximumBodyLength
    ) {
        action = ReaderRoute.articleComments(article).path
        self.csrfToken = csrfToken
        self.displayName = displayName
        self.body = body
        self.parentID = parentID?.lowercasedString
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.asGuest = asGuest
        self.maxBodyLength = maxBodyLength
        maxNameLength = CommentSubmission.maximumNameLength
    }
}
