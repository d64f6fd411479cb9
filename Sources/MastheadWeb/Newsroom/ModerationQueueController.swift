import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// The comments waiting for a moderator (on pre-moderated stories), oldest first, each approved or
/// rejected from the one screen.
struct ModerationQueueController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.moderationQueue, use: queue)
        group.post(NewsroomRoute.Pattern.moderateComment, use: decide)
        group.allowOnly([.get], on: NewsroomRoute.Pattern.moderationQueue)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.moderateComment)
    }

    func queue(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff()
        guard account.role.moderates else {
            throw HTTPError(.forbidden, message: "Your role does not moderate comments.")
        }
        let pending = try await newsroom.store.comments.pending()
        let zone = newsroom.site.settings.timeZone
        return newsroom.html(
            ModerationQueuePage(
                layout: newsroom.layout("Comments waiting", context, notice: Newsroom.notice(request)),
                comments: pending.map { comment, story in
                    ModerationQueuePage.Row(
                        displayName: comment.displayName, bodyHTML: CommentText.html(comment.body),
                        at: TimeLabel.full(for: comment.createdAt, timeZone: zone), storyHeadline: story.headline,
                        storyURL: SiteRoute.article(story.slug).path,
                        action: NewsroomRoute.moderateComment(comment.id).path)
                },
                hasComments: !pending.isEmpty))
    }

    func decide(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let account = try context.staff()
        guard let id = context.idParameter else { throw HTTPError(.notFound) }
        let fields = try await context.form(request)
        let decision: (status: CommentStatus, done: String)
        switch fields["decision"] {
        case "approve": decision = (.published, "approved")
        case "reject": decision = (.rejected, "rejected")
        default: throw HTTPError(.unprocessableContent, message: "Choose approve or reject.")
        }
        _ = try await newsroom.store.commentActions.moderate(id, to: decision.status, by: account, now: newsroom.now)
        return newsroom.redirect(.moderationQueue, done: decision.done)
    }
}

struct ModerationQueuePage: PageContext {
    static let template = "comments"
    let layout: NewsroomLayout
    let comments: [Row]
    let hasComments: Bool

    struct Row {
        let displayName: String
        /// Built by ``CommentText`` from the stored plain text, as the article page shows it.
        let bodyHTML: String
        let at: String
        let storyHeadline: String
        let storyURL: String
        let action: String
    }
}
