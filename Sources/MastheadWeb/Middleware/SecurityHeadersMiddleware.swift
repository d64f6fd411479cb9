import HTTPTypes
import Hummingbird

/// Headers that make every response safer by default: no inline scripts or styles run, nothing is
/// framed, content types are not sniffed, and referrers stay on the site for cross-origin links.
enum SecurityHeaders {
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

    static func apply(to headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "strict-origin-when-cross-origin"
        headers[.frameOptions] = "DENY"
    }
}

/// Puts ``SecurityHeaders`` on every response the router makes.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        SecurityHeaders.apply(to: &response.headers)
        return response
    }
}

/// Refuses state-changing requests that a browser marks as coming from another site, before any
/// handler runs: a second line behind the CSRF token, covering every form at once. A browser says so
/// with `Sec-Fetch-Site: cross-site`, or with an `Origin` that is not this site (`null` included, which
/// sandboxed frames and some redirects send).
struct CrossSiteRequestMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The site's own origin from its configured address, accepted even when a proxy rewrites `Host`.
    let siteOrigin: @Sendable () -> WebOrigin?
    /// The configured address as text: an `Origin` equal to it is this site without parsing either.
    let siteAddress: @Sendable () -> String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
        // The APIs authenticate with bearer keys, never cookies, so another site's page cannot act
        // for anyone through them: cross-site requests there are how browser apps use the API.
        if !safe.contains(request.method), !request.uri.path.hasPrefix("/api/"), isCrossSite(request) {
            throw HTTPError(.forbidden, message: "Forms on this site can only be sent from this site.")
        }
        return try await next(request, context)
    }

    func isCrossSite(_ request: Request) -> Bool {
        if request.headers[.secFetchSite]?.lowercased() == "cross-site" { return true }
        guard let originHeader = request.headers[.origin] else { return false }
        if originHeader == siteAddress() { return false }
        guard let origin = WebOrigin(originHeader) else { return true }
        if origin == siteOrigin() { return false }
        let host = request.head.authority.flatMap { WebOrigin(scheme: origin.scheme, authority: $0) }
        return origin != host
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
    static let frameOptions = Self("X-Frame-Options")!
    static let secFetchSite = Self("Sec-Fetch-Site")!
}
