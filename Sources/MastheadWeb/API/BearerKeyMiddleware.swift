import Hummingbird
import MastheadCore
import MastheadStore

/// Admin API requests act as the key in `Authorization: Bearer mh_…`; without a valid, unrevoked
/// key they get 401 before any handler runs. Cookies are never read here, so CSRF cannot apply.
struct BearerKeyMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let store: Store

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
            let key = try await store.apiKeys.authenticate(
                String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        else {
            var error = APIError(
                .unauthorized, code: "unauthorized", "Send a valid API key as `Authorization: Bearer mh_…`.")
            error.headers[.wwwAuthenticate] = "Bearer realm=\"masthead\""
            throw error
        }
        var context = context
        context.account = key.account
        context.keyID = key.id
        return try await next(request, context)
    }
}
