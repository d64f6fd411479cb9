import Foundation
import HTTPTypes
import Hummingbird
import MastheadCore
import MastheadStore

/// What readers do to comments already posted: read a long thread on its own page, edit or delete their
/// own, like others', report one. Each change is a POST with the page's CSRF token; none happens on GET.
struct CommentToolsController {
    let site: Site

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get(ReaderRoute.Pattern.commentThread, use: thread)
        router.allowOnly([.get], on: ReaderRoute.Pattern.commentThread)
        router.get(ReaderRoute.Pattern.commentEdit, use: editForm)
        router.post(ReaderRoute.Pattern.commentEdit, use: edit)
        router.allowOnly([.get, .post], on: ReaderRoute.Pattern.commentEdit)
        router.post(ReaderRoute.Pattern.commentDelete, use: delete)
        router.allowOnly([.post], on: ReaderRoute.Pattern.commentDelete)
        router.post(ReaderRoute.Pattern.commentLike, use: like)
        router.allowOnly([.post], on: ReaderRoute.Pattern.commentLike)
        router.get(ReaderRoute.Pattern.commentReport, use: reportForm)
        router.post(ReaderRoute.Pattern.commentReport, use: report)
        router.allowOnly([.get, .post], on: ReaderRoute.Pattern.commentReport)
    }

    /// "Continue this thread": a comment with its replies, two levels deep again.
    func thread(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (article, id) = try await target(context)
        guard let found = try await site.store.comments.subthread(id), found.root.articleID == article.id else {
            throw HTTPError(.notFound)
        }
        let reader = try await site.readers.reader(request)
        var liked: Set<UUID> = []
        if let reader {
            liked = try await site.store.comments.liked(by: reader.id, among: ([found.root] + found.replies).map(\.id))
        }
        let conversation = ConversationPolicy(reader: reader, now: site.clock.now)
        let viewer = CommentView.Viewer(
            policy: conversation, liked: liked,
            canReply: conversation.mayPost(on: ConversationTarget(article), settings: site.settings),
            article: article.slug, timeZone: site.settings.timeZone)
        let nodes = CommentThread.shape(roots: [found.root], candidates: found.replies)
        return await site.formPage(request) { token in
            var response = site.html(
                CommentThreadPage(
                    layout: site.layout(
                        title: "Comment thread",
                        description: "A thread from the conversation under “\(article.headline)”.",
                        route: .commentThread(article.slug, id)),
                    headline: article.headline, articleURL: ReaderRoute.article(article.slug).path + "#comments",
                    threads: nodes.map { CommentView($0, viewer: viewer) }, csrfToken: token,
                    guestForm: reader == nil, maxBodyLength: site.settings.comments.policy.maximumLength))
            response.headers[.cacheControl] = "private, no-cache"
            return response
        }
    }

    func editForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (article, id) = try await target(context)
        let reader = try await signedIn(request)
        // Someone else's comment is not found: its edit form is no page of this reader's.
        guard let comment = try await site.store.comments.find(id),
            ConversationPolicy(reader: reader, now: site.clock.now).isOwn(comment), comment.articleID == article.id,
            !comment.isDeleted
        else { throw HTTPError(.notFound) }
        return await site.formPage(request) {
            editPage(article, comment, body: comment.body, token: $0, problems: [], status: .ok)
        }
    }

    func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (article, id) = try await target(context)
        let reader = try await signedIn(request)
        let read = try await ReaderForm.read(request, context: context, site: site)
        guard let comment = try await site.store.comments.find(id),
            ConversationPolicy(reader: reader, now: site.clock.now).isOwn(comment), comment.articleID == article.id
        else { throw HTTPError(.notFound) }
        let body = read.fields["body"]
        func refuse(_ status: HTTPResponse.Status, _ problems: [String]) throws -> Response {
            try read.withCookie(
                editPage(article, comment, body: body, token: read.token, problems: problems, status: status))
        }
        guard read.isGenuine else {
            return try refuse(.forbidden, ["The page had expired, so nothing was changed. Press “Save” again."])
        }
        let limit = site.settings.comments.policy.maximumLength
        switch CommentSubmission(displayName: reader.displayName, body: body).validated() {
        case .failure(let failure):
            return try refuse(.unprocessableContent, failure.problems.map(\.description))
        case .success(let valid) where valid.body.count > limit:
            return try refuse(
                .unprocessableContent,
                ["Your comment is \(valid.body.count) characters long; this site takes up to \(limit)."])
        case .success(let valid):
            do {
                let edited = try await site.store.commentActions.edit(
                    id, by: reader, body: valid.body, policy: site.settings.comments.policy, now: site.clock.now)
                let destination =
                    edited.status == .published
                    ? ReaderRoute.comment(article: article.slug, id: id).path
                    : ReaderRoute.notice(article.slug, .held, reason: edited.reason).path
                return Response.redirect(to: destination, type: .normal)
            } catch ActionError.notAllowed(let message) {
                return try refuse(.forbidden, [message])
            } catch ActionError.invalid(let problems) {
                return try refuse(.unprocessableContent, problems)
            }
        }
    }

    func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (article, id) = try await target(context)
        let reader = try await signedIn(request)
        try await ReaderForm.read(request, context: context, site: site).requireGenuine()
        try await site.store.commentActions.delete(id, by: reader, now: site.clock.now)
        return Response.redirect(to: ReaderRoute.notice(article.slug, .deleted).path, type: .normal)
    }

    func like(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (article, id) = try await target(context)
        let reader = try await signedIn(request)
        try await ReaderForm.read(request, context: context, site: site).requireGenuine()
        try await site.store.commentActions.toggleLike(id, by: reader, now: site.clock.now)
        return Response.redirect(to: ReaderRoute.comment(article: article.slug, id: id).path, type: .normal)
    }

    func reportForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (article, id) = try await target(context)
        guard let comment = try await site.store.comments.find(id), comment.status == .published, !comment.isDeleted,
            comment.articleID == article.id
        else { throw HTTPError(.notFound) }
        return await site.formPage(request) {
            reportPage(article, comment, token: $0, reason: nil, note: "", problems: [], status: .ok)
        }
    }

    func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (article, id) = try await target(context)
        guard let comment = try await site.store.comments.find(id), comment.articleID == article.id,
            comment.status == .published, !comment.isDeleted
        else { throw HTTPError(.notFound) }
        let read = try await ReaderForm.read(request, context: context, site: site)
        let reasonField = read.fields["reason"]
        let note = read.fields["note"]
        func refuse(_ status: HTTPResponse.Status, _ problems: [String]) throws -> Response {
            try read.withCookie(
                reportPage(
                    article, comment, token: read.token, reason: ReportReason(rawValue: reasonField), note: note,
                    problems: problems, status: status))
        }
        guard read.isGenuine else {
            return try refuse(.forbidden, ["The page had expired, so nothing was sent. Press “Send report” again."])
        }
        switch CommentReport.validated(reason: reasonField, note: note) {
        case .failure(let problem):
            return try refuse(.unprocessableContent, [problem.description])
        case .success(let report):
            let reader = try await site.readers.reader(request)
            let outcome = try await site.store.commentActions.report(
                id, report: report, by: reader, addressHash: try await site.addressHash(request, context),
                now: site.clock.now)
            if case .rateLimited(let wait) = outcome {
                var response = try refuse(
                    .tooManyRequests,
                    [
                        "You have sent several reports in a short time. Please wait \(CommentController.wait(wait)) and send it again."
                    ])
                response.headers[.retryAfter] = String(wait)
                return response
            }
            return Response.redirect(
                to: ReaderRoute.notice(article.slug, .reported).path, type: .normal)
        }
    }

    // MARK: Helpers

    private func target(_ context: AppRequestContext) async throws -> (Article, UUID) {
        guard let slug = context.slugParameter, let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let article = try await site.store.articles.visible(slug: slug, now: site.clock.now)
        else { throw HTTPError(.notFound) }
        return (article, id)
    }

    private func signedIn(_ request: Request) async throws -> Commenter {
        guard let reader = try await site.readers.reader(request) else {
            throw HTTPError(
                .unauthorized, message: "Please sign in first: your session has ended or you are signed out.")
        }
        return reader
    }

    private func editPage(
        _ article: Article, _ comment: Comment, body: String, token: String, problems: [String],
        status: HTTPResponse.Status
    ) -> Response {
        let left = EditWindow.secondsLeft(createdAt: comment.createdAt, now: site.clock.now)
        var response = site.html(
            CommentEditPage(
                layout: site.layout(title: "Edit your comment", description: "Edit your comment.", route: nil),
                headline: article.headline, articleURL: ReaderRoute.article(article.slug).path + "#comments",
                action: ReaderRoute.commentEdit(article.slug, comment.id).path, csrfToken: token, body: body,
                problems: problems, hasProblems: !problems.isEmpty,
                timeLeft: left > 0 ? "You can edit it for \(CommentController.wait(left)) more." : nil,
                maxBodyLength: site.settings.comments.policy.maximumLength),
            status: status)
        response.headers[.cacheControl] = "private, no-cache"
        return response
    }

    private func reportPage(
        _ article: Article, _ comment: Comment, token: String, reason: ReportReason?, note: String, problems: [String],
        status: HTTPResponse.Status
    ) -> Response {
        var response = site.html(
            CommentReportPage(
                layout: site.layout(title: "Report a comment", description: "Report a comment.", route: nil),
                headline: article.headline, articleURL: ReaderRoute.comment(article: article.slug, id: comment.id).path,
                action: ReaderRoute.commentReport(article.slug, comment.id).path, csrfToken: token,
                displayName: comment.displayName, bodyHTML: comment.bodyHTML,
                reasons: ReportReason.allCases.map {
                    ReasonOption(value: $0.rawValue, label: $0.label, isChosen: $0 == reason)
                }, note: note, problems: problems, hasProblems: !problems.isEmpty),
            status: status)
        response.headers[.cacheControl] = "private, no-cache"
        return response
    }
}
