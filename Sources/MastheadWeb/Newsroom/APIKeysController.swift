import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// Admin API keys in the newsroom: an admin makes one (its token is shown once), sees them all, and
/// revokes them.
struct APIKeysController {
    let newsroom: Newsroom

    func register(on group: RouterGroup<NewsroomRequestContext>) {
        group.get(NewsroomRoute.Pattern.apiKeys, use: list)
        group.post(NewsroomRoute.Pattern.apiKeys, use: create)
        group.post(NewsroomRoute.Pattern.revokeAPIKey, use: revoke)
        group.allowOnly([.get, .post], on: NewsroomRoute.Pattern.apiKeys)
        group.allowOnly([.post], on: NewsroomRoute.Pattern.revokeAPIKey)
    }

    func list(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        try await page(context, notice: Newsroom.notice(request), token: nil, problems: [], status: .ok)
    }

    func create(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let admin = try context.staff()
        let fields = try await context.form(request)
        do {
            let (key, token) = try await newsroom.store.apiKeys.create(
                name: fields["name"], role: Role(rawValue: fields["role"]) ?? .contributor, by: admin, now: newsroom.now
            )
            return try await page(
                context, notice: "Key “\(key.name)” made. Copy its token now: it is not shown again.", token: token,
                problems: [], status: .created)
        } catch ActionError.invalid(let problems) {
            return try await page(context, notice: nil, token: nil, problems: problems, status: .unprocessableContent)
        }
    }

    func revoke(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let admin = try context.staff()
        guard let id = context.idParameter else { throw HTTPError(.notFound) }
        _ = try await context.form(request)
        try await newsroom.store.apiKeys.revoke(id, by: admin, now: newsroom.now)
        return newsroom.redirect(.apiKeys, done: "revoked")
    }

    private func page(
        _ context: NewsroomRequestContext, notice: String?, token: String?, problems: [String],
        status: HTTPResponse.Status
    ) async throws -> Response {
        try context.staff(allowedTo: .openArea(.apiKeys))
        let keys = try await newsroom.store.apiKeys.all()
        return newsroom.html(
            APIKeysPage(
                layout: newsroom.layout("API keys", context, notice: notice), token: token,
                keys: keys.map { key in
                    APIKeysPage.Row(
                        name: key.name, role: key.role.label, prefix: key.prefix,
                        created: newsroom.timeLabel(key.createdAt),
                        revoked: key.revokedAt.map { newsroom.timeLabel($0) },
                        revokeAction: NewsroomRoute.revokeAPIKey(key.id).path)
                },
                createAction: NewsroomRoute.apiKeys.path,
                roles: Role.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == .editor) },
                problems: problems, hasProblems: !problems.isEmpty, documentURL: "/api/v1/openapi.json"),
            status: status)
    }
}
