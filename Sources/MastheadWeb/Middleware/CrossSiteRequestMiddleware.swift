import HTTPTypes
import Hummingbird

/// Refuses state-changing requests that a browser marks as coming from another site, before any
/// handler runs: a second line behind the CSRF token, covering every form at once. A browser says so
/// with `Sec-Fetch-Site: cross-site`, or with an `Origin` that is not this site (`null` included, which
/// sandboxed frames and some redirects send). The reader's and the newsroom's groups use it; the APIs
/// do not: they authenticate with bearer keys, never cookies, so another site's page cannot act for
/// anyone through them, and cross-site requests there are how browser apps use the API.
struct CrossSiteRequestMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The site's own origin from its configured address, accepted even when a proxy rewrites `Host`.
    let siteOrigin: @Sendable () -> WebOrigin?
    /// The configured address as text: an `Origin` equal to it is this site without parsing either.
    let siteAddress: @Sendable () -> String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
        if !safe.contains(request.method), isCrossSite(request) {
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

extension CrossSiteRequestMiddleware {
    /// Against the site's configured address, read afresh on each request (settings can change it).
    init(site: Site) {
        self.init(siteOrigin: { WebOrigin(site.settings.baseURL) }, siteAddress: { site.settings.baseURL })
    }
}

extension HTTPField.Name {
    static let secFetchSite = Self("Sec-Fetch-Site")!
}
