import Foundation
import Hummingbird

/// The newsroom's own templates and assets, built into the binary and never overridden by a theme:
/// the newsroom must work whatever a site does to its reader pages.
struct NewsroomTemplates: Sendable {
    let theme: Theme

    static let required = [
        "layout", "sign-in", "dashboard", "stories", "editor", "revisions", "revision", "topics", "entities",
        "comments", "authors",
        "author", "accounts", "password", "settings", "message", "api-keys", "webhooks",
    ]

    static var directory: String {
        Bundle.module.resourceURL!.appendingPathComponent("Newsroom").path
    }

    static func load() async throws(ThemeError) -> NewsroomTemplates {
        NewsroomTemplates(
            theme: try await Theme.load(
                directory: directory, required: required, assetsURL: NewsroomRoute.asset("").path))
    }

    func html(_ page: some PageContext, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: theme.renderBuffer(page)))
    }
}
