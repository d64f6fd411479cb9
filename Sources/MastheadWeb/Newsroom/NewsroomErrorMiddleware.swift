import Hummingbird
import MastheadCore
import MastheadStore

/// Turns the newsroom's errors into its own pages (not the theme's): a refused action says why with
/// the right status, and a server error says so without internals.
struct NewsroomErrorMiddleware: RouterMiddleware {
    typealias Context = NewsroomRequestContext
    let newsroom: Newsroom

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as ActionError {
            return page(context, heading: Self.heading(error), message: error.description, status: error.status)
        } catch let error as HTTPError {
            var response = page(
                context, heading: error.status.reasonPhrase,
                message: error.body ?? Self.explanation(error.status), status: error.status)
            for field in error.headers where !response.headers.contains(field.name) { response.headers.append(field) }
            return response
        } catch let error as any HTTPResponseError where error.status.code < 500 {
            return page(
                context, heading: error.status.reasonPhrase, message: Self.explanation(error.status),
                status: error.status)
        } catch  where DatabaseUnavailable.matches(error) {
            context.logger.warning("\(request.method) \(request.uri.path): the database is unavailable: \(error)")
            var response = page(
                context, heading: "The database is not answering", message: DatabaseUnavailable.message,
                status: .serviceUnavailable)
            response.headers[.retryAfter] = String(DatabaseUnavailable.retryAfter)
            return response
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            return page(
                context, heading: "Something went wrong on our side",
                message: "Nothing was lost that was not saved before. Please try again in a moment.",
                status: .internalServerError)
        }
    }

    static func heading(_ error: ActionError) -> String {
        switch error {
        case .notAllowed: return "Not allowed"
        case .notFound: return "Not found"
        case .invalid: return "Please check what you entered"
        case .workflow, .conflict: return "This could not be done now"
        }
    }

    static func explanation(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: return "There is nothing at this address in the newsroom."
        case .unauthorized: return "Your newsroom session has ended. Sign in again."
        case .methodNotAllowed: return "This address cannot be used that way."
        default: return "The request could not be handled. Please go back and try again."
        }
    }

    private func page(_ context: Context, heading: String, message: String, status: HTTPResponse.Status) -> Response {
        newsroom.html(
            MessagePage(
                layout: newsroom.layout(heading, context), heading: heading, message: message,
                signInURL: context.account == nil ? NewsroomRoute.signIn.path : nil),
            status: status)
    }
}
