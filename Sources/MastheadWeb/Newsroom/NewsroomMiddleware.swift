import Foundation
import HTTPTypes
import Hummingbird
import MastheadCore
import MastheadStore

/// What every newsroom response carries: never cached anywhere, never indexed.
struct NewsroomHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[.cacheControl] = "no-store"
        response.headers[.xRobotsTag] = "noindex, nofollow"
        return response
    }
}

/// Loads the signed-in account for every newsroom page; without one, a page sends the browser to
/// sign in, and a form post is refused. Sign-in itself is the one page that lets strangers through.
struct SignedInMiddleware: RouterMiddleware {
    typealias Context = NewsroomRequestContext
    let store: Store

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let session = context.sessions.session {
            context.account = try await store.accounts.find(id: session.accountID)
        }
        let path = request.uri.path
        if context.account == nil, path != NewsroomRoute.signIn.path {
            guard request.method == .get || request.method == .head else {
                throw HTTPError(.unauthorized, message: "Your newsroom session has ended. Sign in again.")
            }
            let back = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            return Response.redirect(
                to: NewsroomRoute.signIn.path + "?next=" + PercentEncoding.encode(back, keeping: "/-_."), type: .normal)
        }
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let xRobotsTag = Self("X-Robots-Tag")!
}
