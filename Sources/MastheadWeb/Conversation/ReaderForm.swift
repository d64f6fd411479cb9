import Foundation
import Hummingbird
import MastheadCore

/// A reader-side form (a comment, a like, a report, an account form) read once, with its CSRF check:
/// genuine when the browser says it comes from this site's own pages (Fetch Metadata's
/// `Sec-Fetch-Site: same-origin`, or an `Origin` that is this site), which every current browser sends
/// with a form, or else when it repeats the double-submit token of its cookie. The article page every
/// anonymous reader shares carries no token, so it can be cached; a browser that has no token cookie
/// yet gets one with the response, so the form it is shown again can be sent either way.
struct ReaderForm {
    let fields: FormFields
    /// The token the next form must repeat.
    let token: String
    /// The submitted token matched the cookie.
    let isGenuine: Bool
    private let cookie: Cookie?

    static func read(_ request: Request, context: AppRequestContext, site: Site) async throws -> ReaderForm {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard let fields = FormFields.strict(String(buffer: buffer)) else {
            throw HTTPError(.badRequest, message: "The form arrived garbled. Please go back and send it again.")
        }
        let existing = CSRFToken.existing(in: request, secure: site.usesHTTPS)
        let token = existing ?? site.makeToken()
        return ReaderForm(
            fields: fields, token: token,
            isGenuine: CSRFToken.matches(submitted: fields["csrf_token"], cookie: existing)
                || site.isProvenSameOrigin(request),
            cookie: existing == nil ? CSRFToken.cookie(token, secure: site.usesHTTPS) : nil)
    }

    /// Refuses a form that is not genuine with a page saying nothing changed.
    func requireGenuine() throws {
        guard isGenuine else {
            throw HTTPError(
                .forbidden,
                message: "This form had expired, so nothing was changed. Go back, reload the page and try again.")
        }
    }

    func withCookie(_ response: Response) throws -> Response {
        var response = response
        if let cookie { response.setCookie(cookie) }
        return response
    }
}

extension Site {
    /// A page with forms, shown on GET: built with this browser's CSRF token, and a browser that has
    /// none yet gets one with the page, so its forms can be sent.
    func formPage(_ request: Request, _ build: (String) async throws -> Response) async rethrows -> Response {
        let existing = CSRFToken.existing(in: request, secure: usesHTTPS)
        let token = existing ?? makeToken()
        var response = try await build(token)
        if existing == nil { response.setCookie(CSRFToken.cookie(token, secure: usesHTTPS)) }
        return response
    }
}

extension Site {
    /// Whether the browser vouches that the request comes from this site's own pages. Browsers set
    /// these headers themselves and no page can forge them; a client that sends neither proves nothing.
    func isProvenSameOrigin(_ request: Request) -> Bool {
        if let fetchSite = request.headers[.secFetchSite] { return fetchSite.lowercased() == "same-origin" }
        guard let header = request.headers[.origin] else { return false }
        let base = settings.baseURL
        if header == base { return true }
        guard let origin = WebOrigin(header) else { return false }
        if origin == WebOrigin(base) { return true }
        return request.head.authority.flatMap { WebOrigin(scheme: origin.scheme, authority: $0) } == origin
    }
}
