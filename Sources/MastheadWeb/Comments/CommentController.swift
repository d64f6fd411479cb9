import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// Posting a comment with a plain HTML form. Every refusal re-shows the article with the form, the
/// reader's text in it and what to fix; success redirects (303) to the new comment.
struct CommentController {
    let site: Site

    func register(on router: Router<AppRequestContext>) {
        router.post(SiteRoute.Pattern.articleComments, use: post)
        router.get(SiteRoute.Pattern.articleComments, use: conversation)
        router.allowOnly([.get, .post], on: SiteRoute.Pattern.articleComments)
    }

    /// The form's address, opened as a page (a reload after a refused post, a shared link): the
    /// conversation lives on the article page.
    func conversation(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let slug = context.slugParameter,
            try await site.store.articles.visible(slug: slug, now: site.clock.now) != nil
        else { throw HTTPError(.notFound) }
        return Response.redirect(to: SiteRoute.article(slug).path + "#comments", type: .normal)
    }

    struct Form: Decodable {
        var displayName: String?
        var body: String?
        var csrfToken: String?

        enum CodingKeys: String, CodingKey {
            case displayName = "display_name"
            case body
            case csrfToken = "csrf_token"
        }
    }

    func post(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let slug = context.slugParameter,
            let article = try await site.store.articles.visible(slug: slug, now: site.clock.now)
        else { throw HTTPError(.notFound) }

        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let form: Form
        do {
            form = try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: buffer))
        } catch {
            throw HTTPError(.badRequest, message: "The comment form arrived garbled. Please go back and send it again.")
        }
        let submission = CommentSubmission(displayName: form.displayName ?? "", body: form.body ?? "")

        let cookieToken = CSRFToken.existing(in: request, secure: site.usesHTTPS)
        guard CSRFToken.matches(submitted: form.csrfToken, cookie: cookieToken) else {
            let fresh = cookieToken ?? site.makeToken()
            var response = try await refuse(
                article, submission, token: fresh, status: .forbidden,
                problems: [
                    "Your comment was not posted because the page had expired. It is still below: "
                        + "press “Post comment” again to send it."
                ])
            if cookieToken == nil { response.setCookie(CSRFToken.cookie(fresh, secure: site.usesHTTPS)) }
            return response
        }
        let token = cookieToken ?? site.makeToken()

        guard site.conversationIsOpen(article) else {
            return try await refuse(
                article, submission, token: token, status: .forbidden,
                problems: ["Comments on this story are closed, so yours was not posted. Your text is still below."])
        }

        let valid: CommentSubmission
        switch submission.validated() {
        case .failure(let failure):
            return try await refuse(
                article, submission, token: token, status: .unprocessableContent,
                problems: failure.problems.map(\.description))
        case .success(let checked):
            valid = checked
        }

        let now = site.clock.now
        guard site.commentLimiter.tryAcquire(site.clientKey(request, context), now: now) else {
            var response = try await refuse(
                article, submission, token: token, status: .tooManyRequests,
                problems: [
                    "You have posted several comments in a short time. Please wait half a minute, then post again."
                ])
            response.headers[.retryAfter] = String(Int(site.commentLimiter.refillInterval.rounded(.up)))
            return response
        }

        let held = article.conversation.preModerated
        let comment = Comment(
            id: UUID(), articleID: article.id, displayName: valid.displayName, body: valid.body,
            status: held ? .pending : .published, createdAt: now)
        try await site.store.commentActions.post(comment)
        let destination =
            held ? SiteRoute.heldComment(article.slug) : SiteRoute.comment(article: article.slug, id: comment.id)
        return Response.redirect(to: destination.path, type: .normal)
    }

    private func refuse(
        _ article: Article, _ submission: CommentSubmission, token: String, status: HTTPResponse.Status,
        problems: [String]
    ) async throws -> Response {
        let form = CommentFormContext(
            article: article.slug, csrfToken: token, displayName: submission.displayName, body: submission.body,
            problems: problems)
        return try await ArticlePageRenderer(site: site).render(article, form: form, status: status)
    }
}
