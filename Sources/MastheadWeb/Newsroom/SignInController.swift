import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// Signing in and out. The sign-in form comes before any session, so it is protected like the
/// comment form, by the double-submit cookie; sign-out is a newsroom form like any other.
struct SignInController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.signIn, use: form)
        group.post(NewsroomRoute.Pattern.signIn, use: signIn)
        group.post(NewsroomRoute.Pattern.signOut, use: signOut)
        group.allowOnly([.get, .post], on: NewsroomRoute.Pattern.signIn)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.signOut)
    }

    /// Sessions last a working day; signing in again starts a new one.
    static let sessionLength: Duration = .seconds(12 * 60 * 60)

    func form(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        if context.account != nil { return newsroom.redirect(.dashboard) }
        let existing = CSRFToken.existing(in: request, secure: newsroom.site.usesHTTPS)
        let token = existing ?? newsroom.site.makeToken()
        var response = page(
            context, token: token, email: "", next: request.uri.queryParameters.get("next") ?? "", problem: nil,
            status: .ok)
        if existing == nil { response.setCookie(CSRFToken.cookie(token, secure: newsroom.site.usesHTTPS)) }
        return response
    }

    func signIn(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        var request = request
        let fields = FormFields(encoded: String(buffer: try await request.collectBody(upTo: 16 * 1024)))
        let secure = newsroom.site.usesHTTPS
        let cookieToken = CSRFToken.existing(in: request, secure: secure)
        let token = cookieToken ?? newsroom.site.makeToken()
        let email = fields["email"]
        let next = fields["next"]
        guard CSRFToken.matches(submitted: fields["csrf_token"], cookie: cookieToken) else {
            var response = page(
                context, token: token, email: email, next: next,
                problem: "The sign-in page had expired. Please sign in again.", status: .forbidden)
            if cookieToken == nil { response.setCookie(CSRFToken.cookie(token, secure: secure)) }
            return response
        }
        let signIn = newsroom.store.signIn(passwordCost: newsroom.site.passwordCost, throttle: newsroom.throttle)
        do {
            let account = try await signIn.attempt(
                .staff, email: email, password: fields["password"], address: newsroom.site.clientKey(request, context),
                now: newsroom.now)
            context.sessions.createSession(
                NewsroomSession(accountID: account.id, csrfToken: newsroom.site.makeToken()),
                expiresIn: Self.sessionLength)
            return Response.redirect(to: Self.safeNext(next), type: .normal)
        } catch SignIn.Refusal.throttled(let wait) {
            var response = page(
                context, token: token, email: email, next: next,
                problem: "Too many failed sign-ins. Please wait \(Self.minutes(wait)) before trying again.",
                status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        } catch SignIn.Refusal.wrongEmailOrPassword {
            return page(
                context, token: token, email: email, next: next,
                problem: "That email and password do not match an account.", status: .unprocessableContent)
        }
    }

    func signOut(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        _ = try await context.form(request)
        context.sessions.clearSession()
        return newsroom.redirect(.signIn)
    }

    /// Only an address inside the newsroom, so the sign-in page cannot send anyone elsewhere.
    static func safeNext(_ next: String) -> String {
        let root = NewsroomRoute.root
        guard next == root || next.hasPrefix(root + "/") || next.hasPrefix(root + "?"),
            !next.contains("//"), !next.contains("\\"), !next.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return NewsroomRoute.dashboard.path }
        return next
    }

    static func minutes(_ seconds: Int) -> String {
        let minutes = max(1, (seconds + 59) / 60)
        return minutes == 1 ? "a minute" : "\(minutes) minutes"
    }

    private func page(
        _ context: NewsroomRequestContext, token: String, email: String, next: String, problem: String?,
        status: HTTPResponse.Status
    ) -> Response {
        newsroom.html(
            SignInPage(
                layout: newsroom.layout("Sign in", context), action: NewsroomRoute.signIn.path, csrfToken: token,
                email: email, next: next, problem: problem),
            status: status)
    }
}
