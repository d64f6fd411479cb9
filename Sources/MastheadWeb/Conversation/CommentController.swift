import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// Posting a comment or a reply with a plain HTML form. Every refusal re-shows the article with the
/// form, the reader's text in it and what to fix; success redirects (303) to the new comment, or to the
/// page saying why it waits or was not published.
struct CommentController {
    let site: Site

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.post(ReaderRoute.Pattern.articleComments, use: post)
        router.get(ReaderRoute.Pattern.articleComments, use: conversation)
        router.allowOnly([.get, .post], on: ReaderRoute.Pattern.articleComments)
    }

    /// The form's address, opened as a page (a reload after a refused post, a shared link): the
    /// conversation lives on the article page.
    func conversation(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let slug = context.slugParameter,
            try await site.store.articles.visible(slug: slug, now: site.clock.now) != nil
        else { throw HTTPError(.notFound) }
        return Response.redirect(to: ReaderRoute.article(slug).path + "#comments", type: .normal)
    }

    func post(_ request: Request, context: AppRequestContext) async throws -> Response {
        // The story as a comment's target, in one statement: the whole article (topics, byline,
        // corrections) is read only to show the page again with a problem.
        guard let slug = context.slugParameter,
            let article = try await site.targets.target(slug, now: site.clock.now)
        else { throw HTTPError(.notFound) }
        let reader = try await site.readers.reader(request)
        let read = try await ReaderForm.read(request, context: context, site: site)
        let fields = read.fields
        let parentID = UUID(uuidString: fields["parent_id"])
        // The settings as of this request, read once.
        let settings = site.settings
        let limit = settings.comments.policy.maximumLength
        let refuse = { (status: HTTPResponse.Status, problems: [String]) async throws -> Response in
            guard let whole = try await site.store.articles.visible(slug: slug, now: site.clock.now) else {
                throw HTTPError(.notFound)
            }
            let form = CommentFormContext(
                article: slug, csrfToken: read.token, displayName: fields["display_name"], body: fields["body"],
                parentID: parentID, problems: problems, asGuest: reader == nil, maxBodyLength: limit)
            return try read.withCookie(
                try await ArticlePageRenderer(site: site).render(whole, form: form, reader: reader, status: status))
        }
        guard read.isGenuine else {
            return try await refuse(
                .forbidden,
                [
                    "Your comment was not posted because the page had expired. It is still below: "
                        + "press “Post comment” again to send it."
                ])
        }
        // The post action enforces this; asked here first so that a reader who may not post learns
        // that before being asked to fix their text.
        let conversation = ConversationPolicy(reader: reader, now: site.clock.now)
        if let refusal = conversation.postingRefusal(on: article, settings: settings) {
            return try await refuse(.forbidden, [refusal.description])
        }
        let submission = CommentSubmission(
            displayName: reader?.displayName ?? fields["display_name"], body: fields["body"])
        let valid: CommentSubmission
        switch submission.validated() {
        case .failure(let failure):
            return try await refuse(.unprocessableContent, failure.problems.map(\.description))
        case .success(let checked):
            valid = checked
        }
        if valid.body.exceeds(characters: limit) {
            return try await refuse(
                .unprocessableContent,
                [
                    "Your comment is \(valid.body.count) characters long; this site takes up to \(limit). "
                        + "Please shorten it."
                ])
        }

        let now = site.clock.now
        let outcome: CommentActions.Outcome
        do {
            outcome = try await site.store.commentActions.post(
                CommentActions.NewComment(
                    article: article, parentID: parentID, commenter: reader, displayName: valid.displayName,
                    body: valid.body, addressHash: try await site.addressHash(request, context)),
                settings: settings, now: now)
        } catch ActionError.notFound(let message) {
            return try await refuse(.unprocessableContent, [message + " Your text is still below."])
        } catch ActionError.notAllowed(let message) {
            return try await refuse(.forbidden, [message])
        }
        switch outcome {
        case .published(let comment):
            return try read.withCookie(
                Response.redirect(to: ReaderRoute.comment(article: article.slug, id: comment.id).path, type: .normal))
        case .held(let comment), .rejected(let comment):
            let notice: Notice = comment.status == .rejected ? .rejected : .held
            return try read.withCookie(
                Response.redirect(
                    to: ReaderRoute.notice(article.slug, notice, reason: comment.reason).path, type: .normal))
        case .rateLimited(let wait):
            var response = try await refuse(
                .tooManyRequests,
                [
                    "You have posted several comments in a short time. Please wait \(Self.wait(wait)), "
                        + "then post again. Your comment is still below."
                ])
            response.headers[.retryAfter] = String(wait)
            return response
        case .banned(let until, let reason):
            let date = TimeLabel.full(for: until, timeZone: settings.timeZone)
            return try await refuse(
                .forbidden,
                [
                    "A moderator has barred you from commenting until \(date)"
                        + (reason.map { ": \($0)" } ?? ".") + " Your comment was not posted."
                ])
        }
    }

    static func wait(_ seconds: Int) -> String {
        seconds < 90 ? "\(seconds) seconds" : "\((seconds + 59) / 60) minutes"
    }
}
