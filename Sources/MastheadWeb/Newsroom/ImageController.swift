import Foundation
import HTTPTypes
import Hummingbird
import MastheadCore
import MastheadStore
import MultipartKit

/// Uploading a story's feature image: a multipart form with the file and what describes it. The file
/// is judged by its bytes (``ImageFormat``), stored under its content's hash, and the story saved
/// with it through the write layer like any other edit, as a new version.
struct ImageController {
    let newsroom: Newsroom
    let editor: ArticleEditorController

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.post(NewsroomRoute.Pattern.articleImage, use: upload)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.articleImage)
    }

    struct Form: Decodable {
        var image: Data?
        var alt: String?
        var caption: String?
        var credit: String?
        var version: Int?
        var csrfToken: String?

        enum CodingKeys: String, CodingKey {
            case image, alt, caption, credit, version
            case csrfToken = "csrf_token"
        }
    }

    func upload(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let (story, account) = try await editor.editable(context)
        guard let boundary = Self.boundary(request.headers[.contentType]) else {
            throw HTTPError(.badRequest, message: "The picture must be sent with the upload form.")
        }
        var request = request
        let body = try await request.collectBody(upTo: MediaLibrary.maximumBytes + 64 * 1024)
        let form: Form
        do {
            form = try FormDataDecoder().decode(Form.self, from: body, boundary: boundary)
        } catch {
            throw HTTPError(
                .badRequest, message: "The upload arrived garbled. Please choose the picture and send it again.")
        }
        guard CSRFToken.matches(submitted: form.csrfToken, cookie: context.sessions.session?.csrfToken) else {
            throw HTTPError(
                .forbidden,
                message: "This form had expired, so nothing was changed. Go back, reload the page and try again.")
        }
        guard let version = form.version else {
            throw HTTPError(
                .unprocessableContent, message: "The upload form lacks the story's version; reload the page.")
        }
        var input = EditorInput(story)
        input.version = version
        do {
            let file = try newsroom.site.media.store([UInt8](form.image ?? Data()))
            input.image = FeatureImage(
                file: file, alt: (form.alt ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                caption: (form.caption ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                credit: (form.credit ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
            _ = try await newsroom.store.articleActions.save(
                story.id, content: try await input.content(newsroom.store, media: newsroom.site.media),
                basedOn: input.version, by: account,
                now: newsroom.now)
            return newsroom.redirect(.article(story.id), done: "saved")
        } catch ActionError.invalid(let problems) {
            return try await editor.editor(
                EditorInput(story), story: story, context: context, problems: problems, preview: nil, conflict: nil,
                status: .unprocessableContent)
        }
    }

    /// The boundary parameter of a `multipart/form-data` content type.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
                continue
            }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\""))
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
