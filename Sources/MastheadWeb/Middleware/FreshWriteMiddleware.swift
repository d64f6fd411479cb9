import Hummingbird

/// With a read replica, marks a browser that has just changed something (a comment, an edit, a
/// setting) with a short-lived cookie, so that for the next few seconds its reader pages come from the
/// primary and never from a replica that has not caught up yet (``Site/reading(_:)``).
struct FreshWriteMiddleware<Context: RequestContext>: RouterMiddleware {
    /// How long the browser reads from the primary: the most the replica may lag.
    let seconds: Int
    let secure: @Sendable () -> Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        if ![.get, .head, .options].contains(request.method), response.status.code < 400 {
            response.setCookie(
                Cookie(
                    name: Site.freshWriteCookie, value: "1", maxAge: seconds, path: "/",
                    secure: secure(), httpOnly: true, sameSite: .lax))
        }
        return response
    }
}

extension FreshWriteMiddleware {
    /// The same middleware for another surface's request context.
    func retyped<Other: RequestContext>(for _: Other.Type = Other.self) -> FreshWriteMiddleware<Other> {
        FreshWriteMiddleware<Other>(seconds: seconds, secure: secure)
    }
}
