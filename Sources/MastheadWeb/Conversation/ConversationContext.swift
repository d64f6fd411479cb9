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
