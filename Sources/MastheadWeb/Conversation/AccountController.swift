import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// Reader accounts: sign up, confirm the email address, sign in and out, and the account page, where a
/// reader downloads their comments or deletes their account. Every change is a POST with the CSRF
/// token; the link mailed to confirm an address opens a page with a button, so a mail scanner that
/// follows links confirms nothing.
struct AccountController {
    let site: Site

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get(ReaderRoute.Pattern.signUp, use: signUpForm)
        router.post(ReaderRoute.Pattern.signUp, use: signUp)
        router.allowOnly([.get, .post], on: ReaderRoute.Pattern.signUp)
        router.get(ReaderRoute.Pattern.signIn, use: signInForm)
        router.post(ReaderRoute.Pattern.signIn, use: signIn)
        router.allowOnly([.get, .post], on: ReaderRoute.Pattern.signIn)
        router.post(ReaderRoute.Pattern.signOut, use: signOut)
        router.allowOnly([.post], on: ReaderRoute.Pattern.signOut)
        router.post(ReaderRoute.Pattern.signOutEverywhere, use: signOutEverywhere)
        router.allowOnly([.post], on: ReaderRoute.Pattern.signOutEverywhere)
        router.get(ReaderRoute.Pattern.account, use: account)
        router.allowOnly([.get], on: ReaderRoute.Pattern.account)
        router.post(ReaderRoute.Pattern.accountResend, use: resend)
        router.allowOnly([.post], on: ReaderRoute.Pattern.accountResend)
        router.get(ReaderRoute.Pattern.verify, use: verifyForm)
        router.post(ReaderRoute.Pattern.verify, use: verify)
        router.allowOnly([.get, .post], on: ReaderRoute.Pattern.verify)
        router.get(ReaderRoute.Pattern.accountDownload, use: download)
        router.allowOnly([.get], on: ReaderRoute.Pattern.accountDownload)
        router.post(ReaderRoute.Pattern.accountDelete, use: delete)
        router.allowOnly([.post], on: ReaderRoute.Pattern.accountDelete)
    }

    // MARK: Sign up

    func signUpForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        return await site.formPage(request) { page(.signUp, token: $0, next: next, status: .ok) }
    }

    func signUp(_ request: Request, context: AppRequestContext) async throws -> Response {
        let read = try await ReaderForm.read(request, context: context, site: site)
        let fields = read.fields
        let next = Self.safeNext(fields["next"])
        let registration = ReaderRegistration(
            displayName: fields["display_name"], email: fields["email"], password: fields["password"])
        func refuse(_ status: HTTPResponse.Status, _ problems: [String]) throws -> Response {
            try read.withCookie(
                page(
                    .signUp, token: read.token, next: next, displayName: registration.displayName,
                    email: registration.email, problems: problems, status: status))
        }
        guard read.isGenuine else { return try refuse(.forbidden, ["The page had expired. Please send it again."]) }
        switch registration.validated() {
        case .failure(let failure):
            return try refuse(.unprocessableContent, failure.problems.map(\.description))
        case .success(let valid):
            if valid.password.utf8.count > StaffAccount.maximumPasswordBytes {
                return try refuse(
                    .unprocessableContent,
                    ["Your password is too long: please keep it to \(StaffAccount.maximumPasswordBytes) bytes."])
            }
            try await site.readerAccounts.register(
                valid, requester: try await site.addressHash(request, context), mailing: site.mailing,
                now: site.clock.now)
            return try read.withCookie(
                page(
                    .checkEmail, token: read.token, next: next, email: valid.email, status: .ok))
        }
    }

    // MARK: Sign in and out

    func signInForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        return await site.formPage(request) { page(.signIn, token: $0, next: next, status: .ok) }
    }

    func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let read = try await ReaderForm.read(request, context: context, site: site)
        let fields = read.fields
        let next = Self.safeNext(fields["next"])
        func refuse(_ status: HTTPResponse.Status, _ problem: String) throws -> Response {
            try read.withCookie(
                page(
                    .signIn, token: read.token, next: next, email: fields["email"], problems: [problem], status: status)
            )
        }
        guard read.isGenuine else { return try refuse(.forbidden, "The page had expired. Please sign in again.") }
        let signIn = site.store.signIn(passwordCost: site.passwordCost, throttle: site.readerThrottle)
        do {
            let reader = try await signIn.attempt(
                .reader, email: fields["email"], password: fields["password"],
                address: try await site.addressHash(request, context), now: site.clock.now)
            var response = Response.redirect(to: next ?? ReaderRoute.account.path, type: .normal)
            response.setCookie(try await site.readers.start(for: reader))
            return try read.withCookie(response)
        } catch SignIn.Refusal.throttled(let wait) {
            var response = try refuse(
                .tooManyRequests, "Too many failed sign-ins. Please wait \(CommentController.wait(wait)) and try again."
            )
            response.headers[.retryAfter] = String(wait)
            return response
        } catch SignIn.Refusal.wrongEmailOrPassword {
            return try refuse(.unprocessableContent, "That email and password do not match an account.")
        }
    }

    func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await ReaderForm.read(request, context: context, site: site).requireGenuine()
        var response = Response.redirect(to: ReaderRoute.home().path, type: .normal)
        response.setCookie(try await site.readers.end(request))
        return response
    }

    /// Ends every session of the signed-in reader's account, this one included.
    func signOutEverywhere(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await ReaderForm.read(request, context: context, site: site).requireGenuine()
        var response = Response.redirect(to: ReaderRoute.home().path, type: .normal)
        if let reader = try await site.readers.reader(request) {
            try await site.store.sessions.endSessions(ofAccount: reader.id)
        }
        response.setCookie(try await site.readers.end(request))
        return response
    }

    // MARK: The account page

    func account(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let reader = try await site.readers.reader(request) else {
            return Response.redirect(to: ReaderRoute.signIn(next: ReaderRoute.account.path).path, type: .normal)
        }
        let notice = request.uri.queryParameters.get("sent") == "1" ? "We sent a new link to \(reader.email)." : nil
        return await site.formPage(request) {
            page(
                .account, token: $0, next: nil, displayName: reader.displayName, email: reader.email, reader: reader,
                notice: notice, status: .ok)
        }
    }

    func resend(_ request: Request, context: AppRequestContext) async throws -> Response {
        let read = try await ReaderForm.read(request, context: context, site: site)
        try read.requireGenuine()
        guard let reader = try await site.readers.reader(request) else { throw HTTPError(.unauthorized) }
        try await site.readerAccounts.resendVerification(
            to: reader, requester: try await site.addressHash(request, context), mailing: site.mailing,
            now: site.clock.now)
        return Response.redirect(to: ReaderRoute.account.path + "?sent=1", type: .normal)
    }

    // MARK: Verification

    func verifyForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let raw = context.parameters.get("token") ?? ""
        return await site.formPage(request) {
            page(.verify, token: $0, next: nil, action: ReaderRoute.verify(raw).path, status: .ok)
        }
    }

    func verify(_ request: Request, context: AppRequestContext) async throws -> Response {
        let raw = context.parameters.get("token") ?? ""
        let read = try await ReaderForm.read(request, context: context, site: site)
        func refuse(_ status: HTTPResponse.Status, _ problem: String) throws -> Response {
            try read.withCookie(
                page(
                    .verify, token: read.token, next: nil, action: ReaderRoute.verify(raw).path, problems: [problem],
                    status: status))
        }
        guard read.isGenuine else { return try refuse(.forbidden, "The page had expired. Press the button again.") }
        do {
            let reader = try await site.readerAccounts.verify(
                token: raw, password: read.fields["password"], now: site.clock.now)
            var response = Response.redirect(to: ReaderRoute.account.path, type: .normal)
            response.setCookie(try await site.readers.start(for: reader))
            return try read.withCookie(response)
        } catch CommenterAccountActions.VerificationRefusal.wrongPassword {
            return try refuse(
                .unprocessableContent,
                "That is not the password chosen when this account was created. Please try again.")
        } catch CommenterAccountActions.VerificationRefusal.expired {
            return try refuse(
                .gone, "This link has expired. Sign in and ask for a new one from your account page.")
        } catch CommenterAccountActions.VerificationRefusal.unknownOrUsed {
            return try refuse(
                .notFound,
                "This link has been used already or is not one we sent. Sign in to see where your account stands.")
        }
    }

    // MARK: Privacy

    /// Everything the reader wrote, as JSON, for them to keep.
    func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let reader = try await site.readers.reader(request) else { throw HTTPError(.unauthorized) }
        let comments = try await site.store.comments.all(by: reader.id)
        let export = ReaderExport(
            displayName: reader.displayName, email: reader.email, createdAt: TimeLabel.iso8601(reader.createdAt),
            comments: comments.map {
                ReaderExport.Entry(
                    id: $0.id.lowercasedString, articleID: $0.articleID.lowercasedString,
                    parentID: $0.parentID?.lowercasedString, body: $0.body, status: $0.status.rawValue,
                    createdAt: TimeLabel.iso8601($0.createdAt), editedAt: $0.editedAt.map(TimeLabel.iso8601),
                    deleted: $0.isDeleted, likes: $0.likeCount)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"my-comments.json\""
        headers[.cacheControl] = "private, no-store"
        return Response(
            status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: try encoder.encode(export))))
    }

    func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let read = try await ReaderForm.read(request, context: context, site: site)
        try read.requireGenuine()
        guard let reader = try await site.readers.reader(request) else { throw HTTPError(.unauthorized) }
        guard read.fields["confirm"] == "delete" else {
            return try read.withCookie(
                page(
                    .account, token: read.token, next: nil, displayName: reader.displayName, email: reader.email,
                    reader: reader,
                    problems: ["To delete your account, type the word delete in the box, then press the button."],
                    status: .unprocessableContent))
        }
        try await site.readerAccounts.deleteAccount(reader, now: site.clock.now)
        var response = Response.redirect(to: ReaderRoute.home().path, type: .normal)
        response.setCookie(try await site.readers.end(request))
        return response
    }

    // MARK: Helpers

    /// Only a path on this site, so the sign-in page cannot send anyone elsewhere.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            !next.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return nil }
        return next
    }

    private func page(
        _ kind: AccountPage.Kind, token: String, next: String?, displayName: String = "", email: String = "",
        reader: Commenter? = nil, action: String? = nil, notice: String? = nil, problems: [String] = [],
        status: HTTPResponse.Status
    ) -> Response {
        var response = site.html(
            AccountPage(
                kind, layout: site.layout(title: kind.title, description: kind.title, route: nil), csrfToken: token,
                next: next, displayName: displayName, email: email, reader: reader, action: action, notice: notice,
                problems: problems),
            status: status)
        response.headers[.cacheControl] = "private, no-store"
        return response
    }
}
