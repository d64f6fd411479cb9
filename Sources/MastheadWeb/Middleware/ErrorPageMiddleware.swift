import Hummingbird
import Logging
import MastheadCore
import MastheadStore
import NIOHTTP1

/// The reader's and the assets' error rendering: the theme's 404 for anything not found, a plain
/// explanation for other client errors, and for server errors a page that says so without leaking the
/// error itself.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            var response = page(for: error.status, message: error.body)
            for field in error.headers where !response.headers.contains(field.name) {
                response.headers.append(field)
            }
            return response
        } catch let error as ActionError {
            // A reader's action the write layer refused (someone else's comment, one gone meanwhile).
            return page(for: error.status, message: error.description)
        } catch let error as any HTTPResponseError where error.status.code < 500 {
            return page(for: error.status, message: nil)
        } catch let error as HTTPParserError {
            // A body the HTTP parser rejects (a bad chunk size) or a client gone mid-body (the parser
            // sees the connection end early): the client's doing, so a 400 and no error-level log.
            context.logger.debug("\(request.method) \(request.uri.path): unreadable body: \(error)")
            return page(
                for: .badRequest,
                message: "What you sent could not be read. Please go back and send it again.")
        } catch  where DatabaseUnavailable.matches(error) {
            context.logger.warning("\(request.method) \(request.uri.path): the database is unavailable: \(error)")
            var response = page(for: .serviceUnavailable, message: DatabaseUnavailable.message)
            response.headers[.retryAfter] = String(DatabaseUnavailable.retryAfter)
            return response
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            return page(for: .internalServerError, message: nil)
        }
    }

    private func page(for status: HTTPResponse.Status, message: String?) -> Response {
        if status == .notFound {
            return site.html(
                NotFoundPage(layout: site.layout(title: "Page not found", description: "", route: nil)),
                status: .notFound)
        }
        let heading: String
        let text: String
        if status == .serviceUnavailable, let message {
            heading = "Please try again in a minute"
            text = message
        } else if status.code >= 500 {
            heading = "Something went wrong on our side"
            text = "We could not show this page. Please try again in a moment."
        } else {
            heading = status.reasonPhrase
            text = message ?? Self.explanation(for: status)
        }
        let layout = site.layout(title: heading, description: "", route: nil)
        return site.html(ErrorPage(layout: layout, heading: heading, message: text), status: status)
    }

    /// Words for the errors Hummingbird raises without a message of its own.
    static func explanation(for status: HTTPResponse.Status) -> String {
        switch status {
        case .contentTooLarge:
            return "What you sent is too large to accept. Comments can be up to "
                + "\(CommentSubmission.maximumBodyLength) characters; please shorten yours and send it again."
        case .methodNotAllowed:
            return "This address cannot be used that way. Open it in your browser instead."
        default:
            return "The request could not be handled. Please go back and try again."
        }
    }
}
